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
        /// Reads a ListModelVersions answer body by the rules of <see cref="ListAnswer"/>.
        /// </summary>
        public static ListModelVersionsPage Parse(ReadOnlySpan<byte> body)
        {
            var summaries = ListAnswer.Read<ModelVersionSummary>(body, "ModelVersionSummaries",
                ReadSummary, out var nextToken);
            return new ListModelVersionsPage(summaries, nextToken);
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
            return summary;
        }

        private static string ReadString(ref Utf8JsonReader reader, MemberPath item, string name)
        {
            return JsonMemberReader.ReadString(ref reader, item.WithName(name));
        }

        private static string ReadRepeated(ref Utf8JsonReader reader, MemberPath item,
            string name, string previousValue)
        {
            return ListAnswer.ReadRepeated(ref reader, item.WithName(name), previousValue);
        }
    }
}
