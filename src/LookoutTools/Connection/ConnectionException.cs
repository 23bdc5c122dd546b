using System;
using System.Management.Automation;

namespace LookoutTools.Connection
{
    /// <summary>
    /// The connection settings cannot work; raised before any request, with an error id and
    /// category for the ErrorRecord and a message that says what to change.
    /// </summary>
    public sealed class ConnectionException : Exception
    {
        public ConnectionException(string errorId, ErrorCategory category, string message,
            Exception innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Category = category;
        }

        public string ErrorId { get; }

        public ErrorCategory Category { get; }
    }
}
