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

        /// <summary>
        /// Reads a ListModels answer body with the same rules as ListModelVersions: every member
        /// optional, unknown members skipped, null counted as absent, anything else that is not
        /// the documented shape a <see cref="ResponseParseException"/>.
        /// </summary>
        public static ListModelsPage Parse(ReadOnlySpan<byte> body)
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

        private static ListModelsPage ReadPage(ref Utf8JsonReader reader)
        {
            if (!reader.Read()) throw new ResponseParseException("The answer body is empty.");
            Expect(ref reader, JsonTokenType.StartObject, "the answer");

            var summaries = new List<ModelSummary>();
            string nextToken = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("ModelSummaries"))
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

            Expect(ref reader, JsonTokenType.EndObject, "the answer");
            if (reader.Read())
            {
                throw new ResponseParseException("The answer has data after its JSON object.");
            }
            if (nextToken != null && nextToken.Length == 0) nextToken = null;
            return new ListModelsPage(summaries, nextToken);
        }

        private static void ReadSummaries(ref Utf8JsonReader reader, List<ModelSummary> summaries)
        {
            Expect(ref reader, JsonTokenType.StartArray, "ModelSummaries");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var position = "ModelSummaries[" + summaries.Count + "]";
                Expect(ref reader, JsonTokenType.StartObject, position);
                summaries.Add(ReadSummary(ref reader, position));
            }
        }

        private static ModelSummary ReadSummary(ref Utf8JsonReader reader, string position)
        {
            var summary = new ModelSummary();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var member = position + "." + name;
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
            Expect(ref reader, JsonTokenType.EndObject, position);
            return summary;
        }
    }
}
