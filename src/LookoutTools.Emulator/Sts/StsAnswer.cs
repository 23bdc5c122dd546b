using System.Xml;
using LookoutTools.Emulator.Auth;

namespace LookoutTools.Emulator.Sts;

/// <summary>
/// A successful STS answer: the action's name and the members of its
/// <c>&lt;ActionResult&gt;</c> element, which the response writer wraps.
/// </summary>
internal sealed record StsAnswer(string Action, Action<XmlWriter> WriteResult);

/// <summary>
/// Who signed an STS request: the access key the Authorization header names, and what the
/// emulator knows of that key (null for an unknown key when signatures are not checked).
/// </summary>
internal sealed record StsCaller(string? AccessKey, AcceptedCredential? Credential);
