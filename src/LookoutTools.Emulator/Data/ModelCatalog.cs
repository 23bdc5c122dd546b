namespace LookoutTools.Emulator.Data;

/// <summary>Every model served; immutable once built, so readers need no lock.</summary>
internal sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelVersionSequence> _byName;

    public ModelCatalog(IEnumerable<ModelVersionSequence> models)
    {
        ModelsByName = models.OrderBy(model => model.ModelName, StringComparer.Ordinal).ToArray();
        _byName = ModelsByName.ToDictionary(model => model.ModelName, StringComparer.Ordinal);
        TotalVersions = ModelsByName.Sum(model => (long)model.Count);
    }

    /// <summary>Models in ordinal order of their names, the order ListModels answers in.</summary>
    public IReadOnlyList<ModelVersionSequence> ModelsByName { get; }

    public long TotalVersions { get; }

    public ModelVersionSequence? Find(string modelName) =>
        _byName.TryGetValue(modelName, out var model) ? model : null;
}
