namespace LookoutTools.Emulator.Faults;

/// <summary>The ways an injected fault can spoil an answer. README.md describes each one.</summary>
internal enum FaultKind
{
    Error,
    Http429,
    Http500,
    Http503,
    DropBeforeBody,
    DropMidBody,
    StallMidBody,
    Delay,
    Hang,
    MalformedJson,
    TruncatedBody,
    WrongContentType,
    RepeatToken,
    UnknownEnum,
    MissingFields,
    ExtraFields,
    EmptyPageWithToken,
    EmptyPage,
}

internal static class FaultKindNames
{
    private static readonly Dictionary<string, FaultKind> ByName = new(StringComparer.Ordinal)
    {
        ["error"] = FaultKind.Error,
        ["http429"] = FaultKind.Http429,
        ["http500"] = FaultKind.Http500,
        ["http503"] = FaultKind.Http503,
        ["drop-before-body"] = FaultKind.DropBeforeBody,
        ["drop-mid-body"] = FaultKind.DropMidBody,
        ["stall-mid-body"] = FaultKind.StallMidBody,
        ["delay"] = FaultKind.Delay,
        ["hang"] = FaultKind.Hang,
        ["malformed-json"] = FaultKind.MalformedJson,
        ["truncated-body"] = FaultKind.TruncatedBody,
        ["wrong-content-type"] = FaultKind.WrongContentType,
        ["repeat-token"] = FaultKind.RepeatToken,
        ["unknown-enum"] = FaultKind.UnknownEnum,
        ["missing-fields"] = FaultKind.MissingFields,
        ["extra-fields"] = FaultKind.ExtraFields,
        ["empty-page-with-token"] = FaultKind.EmptyPageWithToken,
        ["empty-page"] = FaultKind.EmptyPage,
    };

    public static IEnumerable<string> All => ByName.Keys;

    public static bool TryParse(string name, out FaultKind kind) =>
        ByName.TryGetValue(name, out kind);

    public static string NameOf(FaultKind kind) => ByName.First(pair => pair.Value == kind).Key;
}
