using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LookoutTools.Protocol
{
    /// <summary>Writes the JSON body of a ListModels request.</summary>
    public static class ListModelsBody
    {
        public const string Target = "AWSLookoutEquipmentFrontendService.ListModels";

        // AWS's SDKs escape only what JSON requires; so does this writer.
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>
        /// Members are written only when set, in the order of the service's API model, as
        /// ListModelVersionsBody writes its own (the order AWS's JavaScript SDK uses).
        /// </summary>
        public static byte[] Write(ListModelsQuery query)
        {
            using (var buffer = new MemoryStream(128))
            {
                using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
                {
                    writer.WriteStartObject();
                    WriteIfSet(writer, "NextToken", query.NextToken);
                    if (query.MaxResults.HasValue)
                    {
                        writer.WriteNumber("MaxResults", query.MaxResults.Value);
                    }
                    WriteIfSet(writer, "Status", query.Status);
                    WriteIfSet(writer, "ModelNameBeginsWith", query.ModelNameBeginsWith);
                    WriteIfSet(writer, "DatasetNameBeginsWith", query.DatasetNameBeginsWith);
                    writer.WriteEndObject();
                }
                return buffer.ToArray();
            }
        }

        private static void WriteIfSet(Utf8JsonWriter writer, string name, string value)
        {
            if (value != null) writer.WriteString(name, value);
        }
    }
}
