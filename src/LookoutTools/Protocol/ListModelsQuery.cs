namespace LookoutTools.Protocol
{
    /// <summary>The members of one ListModels request, as the service spells its values.</summary>
    public sealed class ListModelsQuery
    {
        public string NextToken { get; set; }

        public int? MaxResults { get; set; }

        public string Status { get; set; }

        public string ModelNameBeginsWith { get; set; }

        public string DatasetNameBeginsWith { get; set; }

        /// <summary>The same query for the page that the token points at.</summary>
        public ListModelsQuery WithNextToken(string nextToken)
        {
            var copy = (ListModelsQuery)MemberwiseClone();
            copy.NextToken = nextToken;
            return copy;
        }
    }
}
