using System.Text.Json;
using LookoutTools.Emulator.Data;
using LookoutTools.Emulator.Protocol;

namespace LookoutTools.Emulator.Operations;

/// <summary>ListModels: models in ordinal order of their names, with derived summaries.</summary>
internal sealed class ListModelsOperation(
    ModelCatalog catalog, PageTokenCodec tokens, int defaultPageSize)
{
    public const string Name = "ListModels";

    public ApiPage Execute(RequestFields fields)
    {
        var nextTokenText = fields.String("NextToken");
        var maxResults = fields.Integer("MaxResults");
        var status = fields.String("Status");
        var modelPrefix = fields.String("ModelNameBeginsWith");
        var datasetPrefix = fields.String("DatasetNameBeginsWith");

        var report = new ValidationReport();
        report.RequireAscii("nextToken", nextTokenText, 8192);
        report.RequireRange("maxResults", maxResults, 1, 500);
        report.RequireEnum("status", status, ServiceEnums.ModelStatuses);
        report.RequireName("modelNameBeginsWith", modelPrefix, required: false);
        report.RequireName("datasetNameBeginsWith", datasetPrefix, required: false);
        report.ThrowIfAny();

        var binding = string.Join('|', Name, status, modelPrefix, datasetPrefix);
        long requestPosition = 0;
        var tokenRefused = nextTokenText is not null
            && !tokens.TryRead(nextTokenText, binding, out requestPosition);
        if (tokenRefused || requestPosition > catalog.ModelsByName.Count)
        {
            throw new ServiceErrorException(ServiceError.InvalidNextToken());
        }

        var pageSize = (int)(maxResults ?? defaultPageSize);
        var page = new List<ModelOverview>();
        int? nextPosition = null;

        for (var index = (int)requestPosition; index < catalog.ModelsByName.Count; index++)
        {
            var model = catalog.ModelsByName[index].Overview;
            if (!Matches(model, status, modelPrefix, datasetPrefix))
            {
                continue;
            }

            if (page.Count == pageSize)
            {
                nextPosition = index;
                break;
            }

            page.Add(model);
        }

        var nextToken = nextPosition is { } next ? tokens.Create(binding, next) : null;
        return new ModelPage(page, nextToken, () => tokens.Create(binding, requestPosition));
    }

    private static bool Matches(
        ModelOverview model, string? status, string? modelPrefix, string? datasetPrefix) =>
        (status is null || model.Status == status)
        && (modelPrefix is null
            || model.ModelName.StartsWith(modelPrefix, StringComparison.Ordinal))
        && (datasetPrefix is null
            || model.DatasetName.StartsWith(datasetPrefix, StringComparison.Ordinal));

    private sealed class ModelPage(
        List<ModelOverview> models, string? nextToken, Func<string> restartToken)
        : ApiPage(nextToken, restartToken)
    {
        public override int ItemCount => models.Count;

        protected override JsonEncodedText ItemsName => JsonNames.ModelSummaries;

        protected override void WriteItems(Utf8JsonWriter writer, PageShape shape)
        {
            foreach (var model in models)
            {
                writer.WriteStartObject();
                writer.WriteString(JsonNames.ModelName, model.ModelName);

                if (!shape.MissingFields)
                {
                    WriteDetails(writer, model, shape);
                }

                if (shape.ExtraFields)
                {
                    WriteExtraItemMembers(writer);
                }

                writer.WriteEndObject();
            }
        }

        private static void WriteDetails(
            Utf8JsonWriter writer, ModelOverview model, PageShape shape)
        {
            writer.WriteString(JsonNames.ModelArn, model.ModelArn);
            writer.WriteString(JsonNames.DatasetName, model.DatasetName);
            writer.WriteString(JsonNames.DatasetArn, model.DatasetArn);
            WriteOptional(writer, JsonNames.Status,
                shape.UnknownEnums ? JsonNames.UnknownStatus : model.Status);

            if (model.CreatedAtMilliseconds is { } createdAt)
            {
                JsonNames.WriteEpochSeconds(writer, JsonNames.CreatedAt, createdAt);
            }

            if (model.ActiveModelVersion is { } active)
            {
                writer.WriteNumber(JsonNames.ActiveModelVersion, active);
                WriteOptional(
                    writer, JsonNames.ActiveModelVersionArn, model.ActiveModelVersionArn);
            }

            WriteOptional(writer, JsonNames.ModelQuality,
                shape.UnknownEnums ? JsonNames.UnknownQuality : model.ModelQuality);
        }
    }
}
