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

        // Member names are compared as UTF-8 bytes, never turned into strings, in the order the
        // service sends them: a page of 500 versions has 4,000 of them.
        private static ModelVersionSummary ReadSummary(ref Utf8JsonReader reader, MemberPath item,
            RepeatedStrings repeated)
        {
            var summary = new ModelVersionSummary();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("ModelName"u8))
                {
                    reader.Read();
                    summary.ModelName = repeated.Read(ref reader, 0, item.WithName("ModelName"));
                }
                else if (reader.ValueTextEquals("ModelArn"u8))
                {
                    reader.Read();
                    summary.ModelArn = repeated.Read(ref reader, 1, item.WithName("ModelArn"));
                }
                else if (reader.ValueTextEquals("ModelVersion"u8))
                {
                    reader.Read();
                    summary.ModelVersion = JsonMemberReader.ReadLong(
                        ref reader, item.WithName("ModelVersion"));
                }
                else if (reader.ValueTextEquals("ModelVersionArn"u8))
                {
                    reader.Read();
                    summary.ModelVersionArn = JsonMemberReader.ReadString(
                        ref reader, item.WithName("ModelVersionArn"));
                }
                else if (reader.ValueTextEquals("CreatedAt"u8))
                {
                    reader.Read();
                    summary.CreatedAt = JsonMemberReader.ReadTimestamp(
                        ref reader, item.WithName("CreatedAt"));
                }
                else if (reader.ValueTextEquals("Status"u8))
                {
                    reader.Read();
                    summary.Status = repeated.Read(ref reader, 2, item.WithName("Status"));
                }
                else if (reader.ValueTextEquals("SourceType"u8))
                {
                    reader.Read();
                    summary.SourceType = repeated.Read(ref reader, 3,
                        item.WithName("SourceType"));
                }
                else if (reader.ValueTextEquals("ModelQuality"u8))
                {
                    reader.Read();
                    summary.ModelQuality = repeated.Read(ref reader, 4,
                        item.WithName("ModelQuality"));
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return summary;
        }
    }
}
