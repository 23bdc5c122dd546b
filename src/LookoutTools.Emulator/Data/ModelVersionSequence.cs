namespace LookoutTools.Emulator.Data;

/// <summary>
/// All versions of one model, newest first, as one indexable sequence: synthetic versions (if
/// any) sit above the loaded ones. Index 0 is the highest version number.
/// </summary>
internal sealed class ModelVersionSequence
{
    private readonly ModelVersionSummary[] _loadedNewestFirst;
    private readonly SyntheticVersionBlock? _synthetic;
    private readonly int _syntheticCount;

    public ModelVersionSequence(
        string modelName,
        string modelArn,
        ModelVersionSummary[] loadedNewestFirst,
        SyntheticVersionBlock? synthetic)
    {
        ModelName = modelName;
        ModelArn = modelArn;
        _loadedNewestFirst = loadedNewestFirst;
        _synthetic = synthetic;
        _syntheticCount = synthetic?.Count ?? 0;
        Overview = ModelOverview.Derive(this);
    }

    public string ModelName { get; }

    public string ModelArn { get; }

    public int Count => _syntheticCount + _loadedNewestFirst.Length;

    public ModelOverview Overview { get; }

    public long VersionAt(int index) => index < _syntheticCount
        ? _synthetic!.HighestVersion - index
        : _loadedNewestFirst[index - _syntheticCount].ModelVersion;

    public ModelVersionFacts FactsAt(int index) => index < _syntheticCount
        ? _synthetic!.FactsOf(_synthetic.HighestVersion - index)
        : _loadedNewestFirst[index - _syntheticCount].Facts;

    public ModelVersionSummary SummaryAt(int index) => index < _syntheticCount
        ? _synthetic!.SummaryOf(_synthetic.HighestVersion - index)
        : _loadedNewestFirst[index - _syntheticCount];

    /// <summary>
    /// The index of the first (highest) version at or below <paramref name="modelVersion"/>,
    /// or <see cref="Count"/> when every version is above it.
    /// </summary>
    public int IndexOfFirstAtOrBelow(long modelVersion)
    {
        var low = 0;
        var high = Count;

        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (VersionAt(middle) <= modelVersion)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
