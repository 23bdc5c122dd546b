using System.Globalization;
using System.Text.Json;
using LookoutTools.Emulator.Data;
using LookoutTools.Emulator.Protocol;

namespace LookoutTools.Emulator.Operations;

/// <summary>
/// ListModelVersions: newest version first (descending ModelVersion); every bound inclusive.
/// </summary>
internal sealed class ListModelVersionsOperation(
    ModelCatalog catalog, PageTokenCodec tokens, int defaultPageSize)
{
    public const string Name = "ListModelVersions";

    public ApiPage Execute(RequestFields fields)
    {
        var request = Request.Read(fields);
        request.Validate();

        var binding = request.Binding();
        long requestPosition = 0;
        if (request.NextToken is { } token
            && !tokens.TryRead(token, binding, out requestPosition))
        {
            throw new ServiceErrorException(ServiceError.InvalidNextToken());
        }

        var model = catalog.Find(request.ModelName!);
        var count = model?.Count ?? 0;
        if (requestPosition > count)
        {
            throw new ServiceErrorException(ServiceError.InvalidNextToken());
        }

        string RestartToken() => tokens.Create(binding, requestPosition);

        if (model is null)
        {
            // The service answers an unknown model with an empty list, not an error.
            return new ModelVersionPage(model, [], null, RestartToken);
        }

        var pageSize = (int)(request.MaxResults ?? defaultPageSize);
        var (indexes, nextPosition) = request.Scan(model, (int)requestPosition, pageSize);
        var nextToken = nextPosition is { } next ? tokens.Create(binding, next) : null;

        return new ModelVersionPage(model, indexes, nextToken, RestartToken);
    }

    private sealed class Request
    {
        public string? ModelName { get; private init; }
        public string? NextToken { get; private init; }
        public long? MaxResults { get; private init; }
        public string? Status { get; private init; }
        public string? SourceType { get; private init; }
        public decimal? CreatedAtStartTime { get; private init; }
        public decimal? CreatedAtEndTime { get; private init; }
        public long? MinModelVersion { get; private init; }
        public long? MaxModelVersion { get; private init; }

        public static Request Read(RequestFields fields) => new()
        {
            ModelName = fields.String("ModelName"),
            NextToken = fields.String("NextToken"),
            MaxResults = fields.Integer("MaxResults"),
            Status = fields.String("Status"),
            SourceType = fields.String("SourceType"),
            CreatedAtStartTime = fields.EpochSeconds("CreatedAtStartTime"),
            CreatedAtEndTime = fields.EpochSeconds("CreatedAtEndTime"),
            MinModelVersion = fields.Integer("MinModelVersion"),
            MaxModelVersion = fields.Integer("MaxModelVersion"),
        };

        public void Validate()
        {
            var report = new ValidationReport();
            report.RequireName("modelName", ModelName, required: true);
            report.RequireAscii("nextToken", NextToken, 8192);
            report.RequireRange("maxResults", MaxResults, 1, 500);
            report.RequireEnum("status", Status, ServiceEnums.ModelVersionStatuses);
            report.RequireEnum("sourceType", SourceType, ServiceEnums.SourceTypes);
            report.RequireRange("minModelVersion", MinModelVersion, 1);
            report.RequireRange("maxModelVersion", MaxModelVersion, 1);
            report.ThrowIfAny();
        }

        /// <summary>What a NextToken is tied to: everything but the page size.</summary>
        public string Binding() => string.Join('|',
            Name,
            ModelName,
            Status,
            SourceType,
            CreatedAtStartTime?.ToString("G29", CultureInfo.InvariantCulture),
            CreatedAtEndTime?.ToString("G29", CultureInfo.InvariantCulture),
            MinModelVersion,
            MaxModelVersion);

        /// <summary>
        /// Collects up to <paramref name="pageSize"/> matching indexes from
        /// <paramref name="startIndex"/> on, and where the next match is, if there is one.
        /// Looking ahead for that next match means the last page never carries a token.
        /// </summary>
        public (List<int> Indexes, int? NextPosition) Scan(
            ModelVersionSequence model, int startIndex, int pageSize)
        {
            // Version bounds become an index range by binary search: versions are descending.
            var first = MaxModelVersion is { } max ? model.IndexOfFirstAtOrBelow(max) : 0;
            var end = MinModelVersion is { } min
                ? model.IndexOfFirstAtOrBelow(min - 1)
                : model.Count;
            var startMilliseconds = CreatedAtStartTime * 1000m;
            var endMilliseconds = CreatedAtEndTime * 1000m;
            var status = Status is null ? null : ServiceEnums.Canonical(
                ServiceEnums.ModelVersionStatuses, Status);
            var sourceType = SourceType is null ? null : ServiceEnums.Canonical(
                ServiceEnums.SourceTypes, SourceType);

            var indexes = new List<int>(Math.Min(pageSize, Math.Max(end - first, 0)));
            for (var index = Math.Max(first, startIndex); index < end; index++)
            {
                var facts = model.FactsAt(index);
                if (!Matches(facts, status, sourceType, startMilliseconds, endMilliseconds))
                {
                    continue;
                }

                if (indexes.Count == pageSize)
                {
                    return (indexes, index);
                }

                indexes.Add(index);
            }

            return (indexes, null);
        }

        private static bool Matches(
            ModelVersionFacts facts,
            string? status,
            string? sourceType,
            decimal? startMilliseconds,
            decimal? endMilliseconds)
        {
            // Enum values are interned, so reference comparison is exact and cheap.
            if (status is not null && !ReferenceEquals(facts.Status, status))
            {
                return false;
            }

            if (sourceType is not null && !ReferenceEquals(facts.SourceType, sourceType))
            {
                return false;
            }

            if (startMilliseconds is null && endMilliseconds is null)
            {
                return true;
            }

            // A version without a creation time cannot be said to fall inside a time window.
            if (facts.CreatedAtMilliseconds is not { } createdAt)
            {
                return false;
            }

            return (startMilliseconds is null || createdAt >= startMilliseconds)
                && (endMilliseconds is null || createdAt <= endMilliseconds);
        }
    }

    private sealed class ModelVersionPage(
        ModelVersionSequence? model,
        List<int> indexes,
        string? nextToken,
        Func<string> restartToken)
        : ApiPage(nextToken, restartToken)
    {
        public override int ItemCount => indexes.Count;

        protected override JsonEncodedText ItemsName => JsonNames.ModelVersionSummaries;

        protected override void WriteItems(Utf8JsonWriter writer, PageShape shape)
        {
            foreach (var index in indexes)
            {
                WriteItem(writer, model!.SummaryAt(index), shape);
            }
        }

        private static void WriteItem(
            Utf8JsonWriter writer, ModelVersionSummary version, PageShape shape)
        {
            writer.WriteStartObject();
            writer.WriteString(JsonNames.ModelName, version.ModelName);
            if (!shape.MissingFields)
            {
                writer.WriteString(JsonNames.ModelArn, version.ModelArn);
            }

            writer.WriteNumber(JsonNames.ModelVersion, version.ModelVersion);
            if (!shape.MissingFields)
            {
                writer.WriteString(JsonNames.ModelVersionArn, version.ModelVersionArn);
                if (version.CreatedAtMilliseconds is { } createdAt)
                {
                    JsonNames.WriteEpochSeconds(writer, JsonNames.CreatedAt, createdAt);
                }

                WriteOptional(writer, JsonNames.Status,
                    shape.UnknownEnums ? JsonNames.UnknownStatus : version.Status);
                WriteOptional(writer, JsonNames.SourceType, version.SourceType);
                WriteOptional(writer, JsonNames.ModelQuality,
                    shape.UnknownEnums ? JsonNames.UnknownQuality : version.ModelQuality);
            }

            if (shape.ExtraFields)
            {
                WriteExtraItemMembers(writer);
            }

            writer.WriteEndObject();
        }
    }
}
