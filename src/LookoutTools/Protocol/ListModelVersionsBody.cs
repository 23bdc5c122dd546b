using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LookoutTools.Protocol
{
    /// <summary>Writes the JSON body of a ListModelVersions request.</summary>
    public static class ListModelVersionsBody
    {
        public const string Target = "AWSLookoutEquipmentFrontendService.ListModelVersions";

        // AWS's SDKs escape only what JSON requires; the default encoder would also escape
        // '+', '"' and HTML characters, so a base64 NextToken would differ byte for byte.
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>
        /// Members are written only when set, in the order of the service's API model, which
        /// is the order AWS's JavaScript SDK writes them in; the conformance tests compare
        /// bodies with that client's byte for byte.
        /// </summary>
        public static byte[] Write(ListModelVersionsQuery query)
        {
            using (var buffer = new MemoryStream(256))
            {
                using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
                {
                    writer.WriteStartObject();
                    writer.WriteString("ModelName", query.ModelName);
                    if (query.NextToken != null) writer.WriteString("NextToken", query.NextToken);
                    if (query.MaxResults.HasValue)
                    {
                        writer.WriteNumber("MaxResults", query.MaxResults.Value);
                    }
                    if (query.Status != null) writer.WriteString("Status", query.Status);
                    if (query.SourceType != null)
                    {
                        writer.WriteString("SourceType", query.SourceType);
                    }
                    if (query.CreatedAtEndTime.HasValue)
                    {
                        WriteTimestamp(writer, "CreatedAtEndTime", query.CreatedAtEndTime.Value);
                    }
                    if (query.CreatedAtStartTime.HasValue)
                    {
                        WriteTimestamp(
                            writer, "CreatedAtStartTime", query.CreatedAtStartTime.Value);
                    }
                    if (query.MaxModelVersion.HasValue)
                    {
                        writer.WriteNumber("MaxModelVersion", query.MaxModelVersion.Value);
                    }
                    if (query.MinModelVersion.HasValue)
                    {
                        writer.WriteNumber("MinModelVersion", query.MinModelVersion.Value);
                    }
                    writer.WriteEndObject();
                }
                return buffer.ToArray();
            }
        }

        // Written as text so that whole seconds carry no ".000" that decimal would keep.
        private static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTime time)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(EpochSeconds.Format(EpochSeconds.FromDateTime(time)));
        }
    }
}
