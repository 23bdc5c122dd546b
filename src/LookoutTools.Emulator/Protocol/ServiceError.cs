namespace LookoutTools.Emulator.Protocol;

/// <summary>An error answer: HTTP status, the error's name and the message.</summary>
internal sealed record ServiceError(int HttpStatus, string ErrorType, string Message)
{
    /// <summary>Errors the service itself models are named in its own namespace.</summary>
    public const string ServiceNamespace = "com.amazonaws.lookoutequipment";

    /// <summary>Errors raised by the AWS front end, before the service sees the request.</summary>
    public const string FrontEndNamespace = "com.amazon.coral.service";

    private static readonly HashSet<string> FrontEndErrors = new(StringComparer.Ordinal)
    {
        "SerializationException",
        "UnknownOperationException",
        "UnrecognizedClientException",
        "InvalidSignatureException",
        "IncompleteSignatureException",
        "MissingAuthenticationTokenException",
        "ExpiredTokenException",
    };

    /// <summary>The <c>__type</c> member: the name with its namespace, as AWS writes it.</summary>
    public string QualifiedType => ErrorType.Contains('#')
        ? ErrorType
        : (FrontEndErrors.Contains(ErrorType) ? FrontEndNamespace : ServiceNamespace)
            + "#" + ErrorType;

    /// <summary>The bare name, for the x-amzn-ErrorType header.</summary>
    public string ShortType => ErrorType[(ErrorType.LastIndexOf('#') + 1)..];

    public static ServiceError Validation(string message) =>
        new(400, "ValidationException", message);

    public static ServiceError Serialization(string message) =>
        new(400, "SerializationException", message);

    public static ServiceError InvalidNextToken() =>
        Validation("The nextToken provided is invalid.");

    /// <summary>The status AWS answers with for a service error of this name.</summary>
    public static int DefaultStatusOf(string errorType) => errorType switch
    {
        "ResourceNotFoundException" => 404,
        "AccessDeniedException" => 403,
        "ConflictException" => 409,
        "ServiceQuotaExceededException" => 402,
        "ThrottlingException" => 400,
        "InternalServerException" => 500,
        _ => 400,
    };
}

/// <summary>Stops handling a request with an error answer.</summary>
internal sealed class ServiceErrorException(ServiceError error) : Exception(error.Message)
{
    public ServiceError Error { get; } = error;
}
