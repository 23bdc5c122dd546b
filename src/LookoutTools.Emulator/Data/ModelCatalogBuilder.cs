namespace LookoutTools.Emulator.Data;

/// <summary>Collects loaded and synthetic versions, rejecting conflicts, into a catalog.</summary>
internal sealed class ModelCatalogBuilder
{
    public const int MaxSyntheticVersionsPerModel = 100_000_000;

    private readonly Dictionary<string, Dictionary<long, LoadedVersion>> _loaded =
        new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> _syntheticCounts = new(StringComparer.Ordinal);

    /// <param name="origin">Where the version came from, for error messages.</param>
    public void AddLoaded(ModelVersionSummary summary, string origin)
    {
        if (!_loaded.TryGetValue(summary.ModelName, out var versions))
        {
            versions = [];
            _loaded.Add(summary.ModelName, versions);
        }

        if (versions.TryGetValue(summary.ModelVersion, out var earlier))
        {
            throw new DataLoadException(
                $"{origin}: version {summary.ModelVersion} of model '{summary.ModelName}' " +
                $"is also defined in {earlier.Origin}; each version may appear only once.");
        }

        versions.Add(summary.ModelVersion, new LoadedVersion(summary, origin));
    }

    /// <summary>Adds <paramref name="count"/> versions above any loaded ones.</summary>
    public void AddSynthetic(string modelName, int count)
    {
        _syntheticCounts.TryGetValue(modelName, out var existing);
        var total = (long)existing + count;
        if (total > MaxSyntheticVersionsPerModel)
        {
            throw new DataLoadException(
                $"--generate asks for {total} versions of '{modelName}'; " +
                $"the limit is {MaxSyntheticVersionsPerModel}.");
        }

        _syntheticCounts[modelName] = (int)total;
    }

    public ModelCatalog Build()
    {
        var names = _loaded.Keys.Union(_syntheticCounts.Keys, StringComparer.Ordinal);
        return new ModelCatalog(names.Select(BuildModel).ToArray());
    }

    private ModelVersionSequence BuildModel(string modelName)
    {
        var loaded = _loaded.TryGetValue(modelName, out var versions)
            ? versions.Values.Select(version => version.Summary)
                .OrderByDescending(summary => summary.ModelVersion)
                .ToArray()
            : [];

        var modelArn = loaded.Length > 0 ? loaded[0].ModelArn : ResourceNames.ModelArn(modelName);

        SyntheticVersionBlock? synthetic = null;
        if (_syntheticCounts.TryGetValue(modelName, out var count) && count > 0)
        {
            var highestLoaded = loaded.Length > 0 ? loaded[0].ModelVersion : 0;
            var newestLoadedTime = loaded.Max(summary => summary.CreatedAtMilliseconds);
            synthetic = new SyntheticVersionBlock(
                modelName, modelArn, count, highestLoaded, newestLoadedTime);
        }

        return new ModelVersionSequence(modelName, modelArn, loaded, synthetic);
    }

    private readonly record struct LoadedVersion(ModelVersionSummary Summary, string Origin);
}

/// <summary>Data that cannot be served; the message names the file and the problem.</summary>
internal sealed class DataLoadException(string message) : Exception(message);
