using System.Net;
using System.Xml.Linq;

namespace LookoutTools.Emulator.Tests.Support;

/// <summary>An STS answer read whole, with helpers for the query protocol's XML.</summary>
internal sealed class StsResponse(
    HttpStatusCode status, string body, string? contentType, string requestIdHeader)
{
    public static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    private XDocument? _document;

    public HttpStatusCode Status { get; } = status;

    public string Body { get; } = body;

    public string? ContentType { get; } = contentType;

    public string RequestIdHeader { get; } = requestIdHeader;

    public XElement Root => (_document ??= XDocument.Parse(Body)).Root!;

    /// <summary>The text at a path of STS-namespace element names under the root.</summary>
    public string? Value(params string[] path)
    {
        var element = Root;
        foreach (var name in path)
        {
            element = element?.Element(Sts + name);
        }

        return element?.Value;
    }

    public string? ErrorCode => Value("Error", "Code");

    public string? ErrorMessage => Value("Error", "Message");
}
