namespace LookoutTools.Emulator.Auth;

/// <summary>The one key pair (and optional session token) the emulator accepts.</summary>
internal sealed record SigningCredentials(
    string AccessKey, string SecretKey, string? SessionToken);
