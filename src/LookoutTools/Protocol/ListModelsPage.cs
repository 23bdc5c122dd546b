using System;
using System.Collections.Generic;
using System.Text.Json;
using LookoutTools.Models;
using static LookoutTools.Protocol.JsonMemberReader;

namespace LookoutTools.Protocol
{
    /// <summary>One page of a ListModels answer.</summary>
    public sealed class ListModelsPage
    {
        public ListModelsPage(IReadOnlyList<ModelSummary> summaries, string nextToken)
        {
            Summaries = summaries;
            NextToken = nextToken;
        }

        public IReadOnlyList<ModelSummary> Summaries { get; }

        /// <summary>Null on the last page.</summary>
        public string NextToken { get; }

        /// <summary>Reads a ListModels answer by the rules of <see cref="ListAnswer"/>.</summary>
        public static ListModelsPage Parse(ReadOnlySpan<byte> body)
        {
            var summaries = ListAnswer.Read<ModelSummary>(body, "ModelSummaries", ReadSummary,
                out var nextToken);
            return new ListModelsPage(summaries, nextToken);
        }

        // A page of models is short and read rarely, so names are simply decoded here.
        private static ModelSummary ReadSummary(ref Utf8JsonReader reader, MemberPath item,
            RepeatedStrings repeated)
        {
            var summary = new ModelSummary();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var member = item.WithName(name);
                switch (name)
                {
                    case "ModelName": summary.ModelName = ReadString(ref reader, member); break;
                    case "ModelArn": summary.ModelArn = ReadString(ref reader, member); break;
                    case "DatasetName": summary.DatasetName = ReadString(ref reader, member); break;
                    case "DatasetArn": summary.DatasetArn = ReadString(ref reader, member); break;
                    case "Status": summary.Status = ReadString(ref reader, member); break;
                    case "CreatedAt": summary.CreatedAt = ReadTimestamp(ref reader, member); break;
                    case "ActiveModelVersion":
                        summary.ActiveModelVersion = ReadLong(ref reader, member);
                        break;
                    case "ActiveModelVersionArn":
                        summary.ActiveModelVersionArn = ReadString(ref reader, member);
                        break;
                    case "ModelQuality":
                        summary.ModelQuality = ReadString(ref reader, member);
                        break;
                    case "LatestScheduledRetrainingStatus":
                        summary.LatestScheduledRetrainingStatus = ReadString(ref reader, member);
                        break;
                    case "LatestScheduledRetrainingModelVersion":
                        summary.LatestScheduledRetrainingModelVersion =
                            ReadLong(ref reader, member);
                        break;
                    case "LatestScheduledRetrainingStartTime":
                        summary.LatestScheduledRetrainingStartTime =
                            ReadTimestamp(ref reader, member);
                        break;
                    case "NextScheduledRetrainingStartDate":
                        summary.NextScheduledRetrainingStartDate =
                            ReadTimestamp(ref reader, member);
                        break;
                    case "RetrainingSchedulerStatus":
                        summary.RetrainingSchedulerStatus = ReadString(ref reader, member);
                        break;
                    default: reader.Skip(); break;
                }
            }
            return summary;
        }
    }
}
