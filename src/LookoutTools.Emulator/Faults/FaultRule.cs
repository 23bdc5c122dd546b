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
    public static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(60);

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

    public TimeSpan Delay => TimeSpan.FromMilliseconds(
        Math.Min(DelayMs ?? 0, LongestDelay.TotalMilliseconds));

    /// <summary>The error answer for the error-shaped kinds.</summary>
    public ServiceError ErrorAnswer() => Kind switch
    {
        FaultKind.Http429 => new ServiceError(429, "ThrottlingException", "Rate exceeded"),
        FaultKind.Http500 => new ServiceError(500, "InternalServerException",
            "Processing of the request failed because of an unknown error (injected)."),
        FaultKind.Http503 => new ServiceError(503, "InternalServerException",
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
                case "httpstatus": httpStatus = Number(value, index, property.Name, 100); break;
                case "delayms": delayMs = Number(value, index, property.Name, 0); break;
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

        if (httpStatus > 599)
        {
            throw new FormatException($"Rule {index}: HttpStatus must be between 100 and 599.");
        }

        if (kind == FaultKind.Delay && delayMs is null)
        {
            throw new FormatException($"Rule {index}: a delay needs DelayMs.");
        }

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

    private static int? Number(JsonElement value, int index, string name, int minimum)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number
            || !value.TryGetInt32(out var number)
            || number < minimum)
        {
            throw new FormatException(
                $"Rule {index}: {name} must be a whole number of at least {minimum}.");
        }

        return number;
    }
}
