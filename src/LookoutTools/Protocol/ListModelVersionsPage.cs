using System;
using System.Collections.Generic;
using System.Text.Json;
using LookoutTools.Models;

namespace LookoutTools.Protocol
{
    /// <summary>One page of a ListModelVersions answer.</summary>
    public sealed class ListModelVersionsPage
    {
        public ListModelVersionsPage(IReadOnlyList<ModelVersionSummary> summaries, string nextToken)
        {
            Summaries = summaries;
            NextToken = nextToken;
        }

        public IReadOnlyList<ModelVersionSummary> Summaries { get; }

        /// <summary>Null on the last page.</summary>
        public string NextToken { get; }

        /// <summary>
        /// Reads a ListModelVersions answer body. Every member is optional, unknown members are
        /// skipped and null counts as absent; anything else that is not the documented shape
        /// raises <see cref="ResponseParseException"/> naming what was wrong.
        /// </summary>
        public static ListModelVersionsPage Parse(ReadOnlySpan<byte> body)
        {
            try
            {
                var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
                return ReadPage(ref reader);
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

        private static ListModelVersionsPage ReadPage(ref Utf8JsonReader reader)
        {
            if (!reader.Read())
            {
                throw new ResponseParseException("The answer body is empty.");
            }
            ExpectToken(ref reader, JsonTokenType.StartObject, "the answer");

            var summaries = new List<ModelVersionSummary>();
            string nextToken = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("ModelVersionSummaries"))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        ReadSummaries(ref reader, summaries);
                    }
                }
                else if (reader.ValueTextEquals("NextToken"))
                {
                    reader.Read();
                    nextToken = ReadString(ref reader, "NextToken");
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            ExpectToken(ref reader, JsonTokenType.EndObject, "the answer");
            if (reader.Read())
            {
                throw new ResponseParseException("The answer has data after its JSON object.");
            }
            if (nextToken != null && nextToken.Length == 0) nextToken = null;
            return new ListModelVersionsPage(summaries, nextToken);
        }

        private static void ReadSummaries(
            ref Utf8JsonReader reader, List<ModelVersionSummary> summaries)
        {
            ExpectToken(ref reader, JsonTokenType.StartArray, "ModelVersionSummaries");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var position = "ModelVersionSummaries[" + summaries.Count + "]";
                ExpectToken(ref reader, JsonTokenType.StartObject, position);
                summaries.Add(ReadSummary(ref reader, position));
            }
        }

        private static ModelVersionSummary ReadSummary(ref Utf8JsonReader reader, string position)
        {
            var summary = new ModelVersionSummary();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var member = position + "." + name;
                switch (name)
                {
                    case "ModelName": summary.ModelName = ReadString(ref reader, member); break;
                    case "ModelArn": summary.ModelArn = ReadString(ref reader, member); break;
                    case "ModelVersion": summary.ModelVersion = ReadLong(ref reader, member); break;
                    case "ModelVersionArn":
                        summary.ModelVersionArn = ReadString(ref reader, member);
                        break;
                    case "CreatedAt": summary.CreatedAt = ReadTimestamp(ref reader, member); break;
                    case "Status": summary.Status = ReadString(ref reader, member); break;
                    case "SourceType": summary.SourceType = ReadString(ref reader, member); break;
                    case "ModelQuality": summary.ModelQuality = ReadString(ref reader, member); break;
                    default: reader.Skip(); break;
                }
            }
            ExpectToken(ref reader, JsonTokenType.EndObject, position);
            return summary;
        }

        private static string ReadString(ref Utf8JsonReader reader, string member)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            ExpectToken(ref reader, JsonTokenType.String, member);
            return reader.GetString();
        }

        private static long? ReadLong(ref Utf8JsonReader reader, string member)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            ExpectToken(ref reader, JsonTokenType.Number, member);
            if (!reader.TryGetInt64(out var value))
            {
                throw new ResponseParseException(
                    $"{member} is not a whole number that fits in 64 bits.");
            }
            return value;
        }

        private static DateTime? ReadTimestamp(ref Utf8JsonReader reader, string member)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            ExpectToken(ref reader, JsonTokenType.Number, member);
            if (!reader.TryGetDecimal(out var seconds)
                || !EpochSeconds.TryToDateTime(seconds, out var time))
            {
                throw new ResponseParseException($"{member} is not a usable time in epoch seconds.");
            }
            return time;
        }

        private static void ExpectToken(
            ref Utf8JsonReader reader, JsonTokenType expected, string what)
        {
            if (reader.TokenType == expected) return;

            throw new ResponseParseException(
                $"Expected {Describe(expected)} for {what} but found {Describe(reader.TokenType)}.");
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
