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
            JsonMemberReader.Expect(ref reader, JsonTokenType.StartObject, "the answer");

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
                    nextToken = JsonMemberReader.ReadString(ref reader, "NextToken");
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
            return new ListModelVersionsPage(summaries, nextToken);
        }

        private static void ReadSummaries(
            ref Utf8JsonReader reader, List<ModelVersionSummary> summaries)
        {
            const string list = "ModelVersionSummaries";
            JsonMemberReader.Expect(ref reader, JsonTokenType.StartArray, list);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var item = new MemberPath(list, summaries.Count, null);
                JsonMemberReader.Expect(ref reader, JsonTokenType.StartObject, item);
                var previous = summaries.Count == 0 ? null : summaries[summaries.Count - 1];
                summaries.Add(ReadSummary(ref reader, item, previous));
            }
        }

        // Member names are compared as UTF-8 bytes, never turned into strings: a page of 500
        // versions has 4,000 of them. Values that repeat from version to version (the model's
        // name and ARN, the service's words) reuse the string read before.
        private static ModelVersionSummary ReadSummary(ref Utf8JsonReader reader, MemberPath item,
            ModelVersionSummary previous)
        {
            var summary = new ModelVersionSummary();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("ModelVersion"))
                {
                    reader.Read();
                    summary.ModelVersion = JsonMemberReader.ReadLong(
                        ref reader, item.WithName("ModelVersion"));
                }
                else if (reader.ValueTextEquals("CreatedAt"))
                {
                    reader.Read();
                    summary.CreatedAt = JsonMemberReader.ReadTimestamp(
                        ref reader, item.WithName("CreatedAt"));
                }
                else if (reader.ValueTextEquals("ModelName"))
                {
                    reader.Read();
                    summary.ModelName = ReadRepeated(ref reader, item, "ModelName",
                        previous?.ModelName);
                }
                else if (reader.ValueTextEquals("ModelArn"))
                {
                    reader.Read();
                    summary.ModelArn = ReadRepeated(ref reader, item, "ModelArn",
                        previous?.ModelArn);
                }
                else if (reader.ValueTextEquals("ModelVersionArn"))
                {
                    reader.Read();
                    summary.ModelVersionArn = ReadString(ref reader, item, "ModelVersionArn");
                }
                else if (reader.ValueTextEquals("Status"))
                {
                    reader.Read();
                    summary.Status = ReadRepeated(ref reader, item, "Status", previous?.Status);
                }
                else if (reader.ValueTextEquals("SourceType"))
                {
                    reader.Read();
                    summary.SourceType = ReadRepeated(ref reader, item, "SourceType",
                        previous?.SourceType);
                }
                else if (reader.ValueTextEquals("ModelQuality"))
                {
                    reader.Read();
                    summary.ModelQuality = ReadRepeated(ref reader, item, "ModelQuality",
                        previous?.ModelQuality);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            JsonMemberReader.Expect(ref reader, JsonTokenType.EndObject, item);
            return summary;
        }

        private static string ReadString(ref Utf8JsonReader reader, MemberPath item, string name)
        {
            return JsonMemberReader.ReadString(ref reader, item.WithName(name));
        }

        private static string ReadRepeated(ref Utf8JsonReader reader, MemberPath item,
            string name, string previousValue)
        {
            var same = previousValue != null && reader.TokenType == JsonTokenType.String
                && reader.ValueTextEquals(previousValue);
            return same ? previousValue : ReadString(ref reader, item, name);
        }
    }
}
