using System;
using System.Text.Json;

namespace LookoutTools.Protocol
{
    /// <summary>
    /// Remembers, for each member of a list's items, the last string read and its bytes on the
    /// wire. Values that repeat from item to item (a model's name and ARN, the service's words)
    /// are then compared as bytes and the string read before is reused: a page of 500 versions
    /// decodes each of them once instead of 500 times.
    /// </summary>
    public sealed class RepeatedStrings
    {
        /// <summary>How many members can be remembered; a slot is a member's number.</summary>
        public const int Slots = 8;

        private readonly string[] strings = new string[Slots];
        private readonly byte[][] wireBytes = new byte[Slots][];

        /// <summary>Reads a string member, reusing the string read before in its slot.</summary>
        public string Read(ref Utf8JsonReader reader, int slot, MemberPath member)
        {
            // Escaped or split values are rare; they are decoded every time.
            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped
                || reader.HasValueSequence)
            {
                return JsonMemberReader.ReadString(ref reader, member);
            }

            var raw = reader.ValueSpan;
            var known = wireBytes[slot];
            if (known != null && raw.SequenceEqual(known)) return strings[slot];

            // Decoded first, so that bytes that are not valid text are never remembered.
            var value = JsonMemberReader.ReadString(ref reader, member);
            wireBytes[slot] = raw.ToArray();
            strings[slot] = value;
            return value;
        }
    }
}
