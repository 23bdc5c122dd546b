using System.Text.Json;
using LookoutTools.Emulator.Operations;
using LookoutTools.Emulator.Protocol;

namespace LookoutTools.Emulator.Faults;

/// <summary>
/// One rule of fault injection: which API requests it matches and what it does to them.
/// A rule counts the requests it matches; it fires on every match from the OnRequest-th on
/// (from the first when OnRequest is absent) until it has fired Times times (0: no limit).
/// </summary>
internal sealed class FaultRule
{
    public const int LongestDelayMs = 60_000;

    /// <summary>
    /// The statuses an error answer may have: a final status that can carry the JSON error
    /// body. 1xx are interim answers, and 204, 205 and 304 must not have a body.
    /// </summary>
    private const string ErrorStatusRule = "200-599 other than 204, 205 and 304";

    private static readonly int[] BodylessStatuses = [204, 205, 304];

    /// <summary>The kinds that answer with an error body, whose Message a rule may set.</summary>
    private static readonly FaultKind[] ErrorShapedKinds =
        [FaultKind.Error, FaultKind.Http429, FaultKind.Http500, FaultKind.Http503];

    public string? Operation { get; private init; }
    public string? ModelName { get; private init; }
    public int? OnRequest { get; private init; }
    public int Times { get; private init; } = 1;
    public FaultKind Kind { get; private init; }
    public int? HttpStatus { get; private init; }
    public string? ErrorType { get; private init; }
    public string? Message { get; private init; }
    public int? DelayMs { get; private init; }

    /// <summary>Requests matched since the rules were set; the rule set's lock guards it.</summary>
    public int Matched { get; set; }

    public int Fired { get; set; }

    public bool Matches(string? operation, string? modelName) =>
        (Operation is null || Operation == operation)
        && (ModelName is null || ModelName == modelName);

    public bool CanFire =>
        (OnRequest is null || Matched >= OnRequest) && (Times == 0 || Fired < Times);

    public TimeSpan Delay => TimeSpan.FromMilliseconds(DelayMs ?? 0);

    /// <summary>The error answer for the error-shaped kinds.</summary>
    public ServiceError ErrorAnswer() => Kind switch
    {
        FaultKind.Http429 => new ServiceError(429, "ThrottlingException",
            Message ?? "Rate exceeded"),
        FaultKind.Http500 => new ServiceError(500, "InternalServerException", Message ??
            "Processing of the request failed because of an unknown error (injected)."),
        FaultKind.Http503 => new ServiceError(503, "InternalServerException", Message ??
            "The service is unavailable; try again later (injected)."),
        _ => new ServiceError(
            HttpStatus ?? ServiceError.DefaultStatusOf(ErrorType ?? "InternalServerException"),
            ErrorType ?? "InternalServerException",
            Message ?? $"Injected by the emulator: {ErrorType ?? "InternalServerException"}."),
    };

    public PageShape PageShape => Kind switch
    {
        FaultKind.RepeatToken => new PageShape(ReplayToken: true),
        FaultKind.UnknownEnum => new PageShape(UnknownEnums: true),
        FaultKind.MissingFields => new PageShape(MissingFields: true),
        FaultKind.ExtraFields => new PageShape(ExtraFields: true),
        FaultKind.EmptyPageWithToken => new PageShape(DropItems: true, ReplayToken: true),
        FaultKind.EmptyPage => new PageShape(DropItems: true),
        _ => PageShape.Normal,
    };

    /// <summary>Reads one rule; a <see cref="FormatException"/> says what is wrong.</summary>
    public static FaultRule Parse(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Rule {index}: expected an object.");
        }

        string? operation = null, modelName = null, kindName = null, errorType = null;
        string? message = null;
        int? onRequest = null, times = null, httpStatus = null, delayMs = null;

        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name.ToLowerInvariant())
            {
                case "operation": operation = Text(value, index, property.Name); break;
                case "modelname": modelName = Text(value, index, property.Name); break;
                case "kind": kindName = Text(value, index, property.Name); break;
                case "errortype": errorType = Text(value, index, property.Name); break;
                case "message": message = Text(value, index, property.Name); break;
                case "onrequest": onRequest = Number(value, index, property.Name, 1); break;
                case "times": times = Number(value, index, property.Name, 0); break;
                case "httpstatus": httpStatus = Status(value, index, property.Name); break;
                case "delayms":
                    delayMs = Number(value, index, property.Name, 0, LongestDelayMs);
                    break;
                default:
                    throw new FormatException($"Rule {index}: unknown member '{property.Name}'.");
            }
        }

        if (kindName is null || !FaultKindNames.TryParse(kindName, out var kind))
        {
            throw new FormatException(
                $"Rule {index}: Kind must be one of {string.Join(", ", FaultKindNames.All)}.");
        }

        if (operation is not null
            && operation != ListModelVersionsOperation.Name
            && operation != ListModelsOperation.Name)
        {
            throw new FormatException(
                $"Rule {index}: Operation '{operation}' is not one the emulator serves " +
                $"({ListModelVersionsOperation.Name}, {ListModelsOperation.Name}).");
        }

        if (kind == FaultKind.Delay && delayMs is null)
        {
            throw new FormatException(
                $"Rule {index}: a delay needs DelayMs (0-{LongestDelayMs} milliseconds).");
        }

        // A member the kind would ignore is refused: the test that set it expects an effect.
        RefuseOutside([FaultKind.Error], "HttpStatus", httpStatus, kind, index);
        RefuseOutside([FaultKind.Error], "ErrorType", errorType, kind, index);
        RefuseOutside(ErrorShapedKinds, "Message", message, kind, index);
        RefuseOutside([FaultKind.Delay], "DelayMs", delayMs, kind, index);

        return new FaultRule
        {
            Operation = operation,
            ModelName = modelName,
            OnRequest = onRequest,
            Times = times ?? 1,
            Kind = kind,
            HttpStatus = httpStatus,
            ErrorType = errorType,
            Message = message,
            DelayMs = delayMs,
        };
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("Kind", FaultKindNames.NameOf(Kind));
        WriteIfSet(writer, "Operation", Operation);
        WriteIfSet(writer, "ModelName", ModelName);
        WriteIfSet(writer, "OnRequest", OnRequest);
        writer.WriteNumber("Times", Times);
        WriteIfSet(writer, "HttpStatus", HttpStatus);
        WriteIfSet(writer, "ErrorType", ErrorType);
        WriteIfSet(writer, "Message", Message);
        WriteIfSet(writer, "DelayMs", DelayMs);
        writer.WriteNumber("Matched", Matched);
        writer.WriteNumber("Fired", Fired);
        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is not null)
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    private static string? Text(JsonElement value, int index, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw new FormatException($"Rule {index}: {name} must be a string."),
    };

    private static int? Number(
        JsonElement value, int index, string name, int minimum, int maximum = int.MaxValue)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number
            || !value.TryGetInt32(out var number)
            || number < minimum
            || number > maximum)
        {
            throw new FormatException(
                $"Rule {index}: {name} must be a whole number from {minimum} to {maximum}.");
        }

        return number;
    }

    private static int? Status(JsonElement value, int index, string name)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number
            || !value.TryGetInt32(out var status)
            || status is < 200 or > 599
            || BodylessStatuses.Contains(status))
        {
            throw new FormatException(
                $"Rule {index}: {name} must be {ErrorStatusRule}, " +
                "a final status that can carry the error body.");
        }

        return status;
    }

    /// <summary>Refuses a member set on a rule of a kind that does not use it.</summary>
    private static void RefuseOutside(
        FaultKind[] owners, string member, object? value, FaultKind kind, int index)
    {
        if (value is not null && !owners.Contains(kind))
        {
            var names = owners.Select(FaultKindNames.NameOf).ToArray();
            var allowed = names.Length == 1
                ? $"Kind {names[0]}"
                : $"Kinds {string.Join(", ", names[..^1])} and {names[^1]}";
            throw new FormatException(
                $"Rule {index}: {member} applies only to {allowed}; " +
                $"Kind {FaultKindNames.NameOf(kind)} would ignore it.");
        }
    }
}
