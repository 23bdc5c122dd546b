using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LookoutTools.Protocol
{
    /// <summary>
    /// Reads the body of a List operation's answer: one JSON object holding a NextToken and a
    /// list of items. Every member is optional, unknown members are skipped and null counts
    /// as absent; anything else that is not the documented shape raises
    /// <see cref="ResponseParseException"/> naming what was wrong.
    /// </summary>
    public static class ListAnswer
    {
        /// <summary>
        /// Reads one item; <paramref name="repeated"/> lets values that repeat from item to item
        /// be reused instead of decoded again.
        /// </summary>
        public delegate T ItemReader<T>(ref Utf8JsonReader reader, MemberPath item,
            RepeatedStrings repeated)
            where T : class;

        public static List<T> Read<T>(ReadOnlySpan<byte> body, string listName,
            ItemReader<T> readItem, out string nextToken)
            where T : class
        {
            try
            {
                var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
                return ReadObject(ref reader, listName, readItem, out nextToken);
            }
            catch (JsonException exception)
            {
                throw new ResponseParseException(
                    "The answer is not valid JSON: " + exception.Message, exception);
            }
            catch (InvalidOperationException exception)
            {
                // GetString raises this for a string that is not valid UTF-8 once unescaped.
                throw new ResponseParseException(
                    "The answer has a string that is not valid text: " + exception.Message,
                    exception);
            }
        }

        private static List<T> ReadObject<T>(ref Utf8JsonReader reader, string listName,
            ItemReader<T> readItem, out string nextToken)
            where T : class
        {
            if (!reader.Read()) throw new ResponseParseException("The answer body is empty.");
            JsonMemberReader.Expect(ref reader, JsonTokenType.StartObject, "the answer");

            var items = new List<T>();
            nextToken = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(listName))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        ReadItems(ref reader, listName, readItem, items);
                    }
                }
                else if (reader.ValueTextEquals("NextToken"))
                {
                    reader.Read();
                    nextToken = JsonMemberReader.ReadString(ref reader, "NextToken");
                }
                else if (reader.ValueTextEquals("__type"))
                {
                    // An error body sent with a success status: reading it as an empty last
                    // page would end the listing silently.
                    reader.Read();
                    var errorType = reader.TokenType == JsonTokenType.String
                        ? reader.GetString()
                        : "an error";
                    throw new ResponseParseException(
                        $"The answer is an error ({errorType}) sent with a success status.");
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            JsonMemberReader.Expect(ref reader, JsonTokenType.EndObject, "the answer");
            if (reader.Read())
            {
                throw new ResponseParseException("The answer has data after its JSON object.");
            }
            if (nextToken != null && nextToken.Length == 0) nextToken = null;
            return items;
        }

        private static void ReadItems<T>(ref Utf8JsonReader reader, string listName,
            ItemReader<T> readItem, List<T> items)
            where T : class
        {
            JsonMemberReader.Expect(ref reader, JsonTokenType.StartArray, listName);
            var repeated = new RepeatedStrings();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var item = new MemberPath(listName, items.Count, null);
                JsonMemberReader.Expect(ref reader, JsonTokenType.StartObject, item);
                var read = readItem(ref reader, item, repeated);
                JsonMemberReader.Expect(ref reader, JsonTokenType.EndObject, item);
                items.Add(read);
            }
        }
    }
}
