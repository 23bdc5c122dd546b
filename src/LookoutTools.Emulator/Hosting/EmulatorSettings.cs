using LookoutTools.Emulator.Auth;

namespace LookoutTools.Emulator.Hosting;

/// <summary>How a running emulator behaves; the data it serves is passed separately.</summary>
internal sealed record EmulatorSettings
{
    public const int DefaultPageSizeWhenUnset = 50;

    /// <summary>0 asks the system for a free port.</summary>
    public int Port { get; init; }

    /// <summary>The page size when a request has no MaxResults.</summary>
    public int DefaultPageSize { get; init; } = DefaultPageSizeWhenUnset;

    /// <summary>
    /// When any are given, every API and STS request must carry a SigV4 signature by one of
    /// these keys or by temporary credentials the emulator issued. Access keys must differ.
    /// </summary>
    public IReadOnlyList<SigningCredentials> Credentials { get; init; } = [];

    /// <summary>The clock that signature times are checked against.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Warnings go to stderr in the standalone server, nowhere in tests.</summary>
    public bool LogWarningsToStandardError { get; init; }
}
