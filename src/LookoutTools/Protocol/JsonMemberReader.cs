using System;
using System.Text.Json;

namespace LookoutTools.Protocol
{
    /// <summary>
    /// Names a member of an answer, such as ModelVersionSummaries[3].CreatedAt, for error
    /// messages only: the text is built when an error needs it, so reading a valid page of
    /// 500 versions allocates no names at all.
    /// </summary>
    public readonly struct MemberPath
    {
        private readonly string list;
        private readonly int index;
        private readonly string name;

        public MemberPath(string list, int index, string name)
        {
            this.list = list;
            this.index = index;
            this.name = name;
        }

        public MemberPath WithName(string memberName) => new MemberPath(list, index, memberName);

        public static implicit operator MemberPath(string name) => new MemberPath(null, -1, name);

        public override string ToString()
        {
            var item = list == null ? null : $"{list}[{index}]";
            if (item == null) return name;
            return name == null ? item : item + "." + name;
        }
    }

    /// <summary>
    /// Reads member values of an answer in the documented shape: null counts as absent, and any
    /// other type than the documented one raises <see cref="ResponseParseException"/> naming
    /// the member.
    /// </summary>
    public static class JsonMemberReader
    {
        public static string ReadString(ref Utf8JsonReader reader, MemberPath member)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            Expect(ref reader, JsonTokenType.String, member);
            return reader.GetString();
        }

        public static long? ReadLong(ref Utf8JsonReader reader, MemberPath member)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            Expect(ref reader, JsonTokenType.Number, member);
            if (!reader.TryGetInt64(out var value))
            {
                throw new ResponseParseException(
                    $"{member} is not a whole number that fits in 64 bits.");
            }
            return value;
        }

        public static DateTime? ReadTimestamp(ref Utf8JsonReader reader, MemberPath member)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            Expect(ref reader, JsonTokenType.Number, member);

            // The usual shape is read from the digits; decimal, exact but slower, takes the
            // rest, such as exponents.
            var time = default(DateTime);
            if (!reader.HasValueSequence
                && EpochSeconds.TryParseTicksExactly(reader.ValueSpan, out time))
            {
                return time;
            }

            var usable = reader.TryGetInt64(out var wholeSeconds)
                ? EpochSeconds.TryToDateTime(wholeSeconds, out time)
                : reader.TryGetDecimal(out var seconds)
                    && EpochSeconds.TryToDateTime(seconds, out time);
            if (!usable)
            {
                throw new ResponseParseException(
                    $"{member} is not a usable time in epoch seconds.");
            }
            return time;
        }

        public static void Expect(ref Utf8JsonReader reader, JsonTokenType expected,
            MemberPath what)
        {
            if (reader.TokenType == expected) return;

            throw new ResponseParseException($"Expected {Describe(expected)} for {what} but "
                + $"found {Describe(reader.TokenType)}.");
        }

        private static string Describe(JsonTokenType token)
        {
            switch (token)
            {
                case JsonTokenType.StartObject: return "an object";
                case JsonTokenType.EndObject: return "the end of an object";
                case JsonTokenType.StartArray: return "a list";
                case JsonTokenType.EndArray: return "the end of a list";
                case JsonTokenType.String: return "a string";
                case JsonTokenType.Number: return "a number";
                case JsonTokenType.True:
                case JsonTokenType.False: return "true or false";
                case JsonTokenType.Null: return "null";
                case JsonTokenType.PropertyName: return "a member name";
                default: return "nothing";
            }
        }
    }
}
