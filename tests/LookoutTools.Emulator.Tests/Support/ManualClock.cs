namespace LookoutTools.Emulator.Tests.Support;

/// <summary>A clock a test moves by hand, to expire issued credentials without waiting.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
