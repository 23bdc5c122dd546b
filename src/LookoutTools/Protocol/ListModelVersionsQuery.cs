using System;

namespace LookoutTools.Protocol
{
    /// <summary>
    /// The members of one ListModelVersions request, as the service spells its values.
    /// </summary>
    public sealed class ListModelVersionsQuery
    {
        public string ModelName { get; set; }

        public string NextToken { get; set; }

        public int? MaxResults { get; set; }

        public string Status { get; set; }

        public string SourceType { get; set; }

        public DateTime? CreatedAtStartTime { get; set; }

        public DateTime? CreatedAtEndTime { get; set; }

        public long? MinModelVersion { get; set; }

        public long? MaxModelVersion { get; set; }

        /// <summary>The same query for the page that the token points at.</summary>
        public ListModelVersionsQuery WithNextToken(string nextToken)
        {
            var copy = (ListModelVersionsQuery)MemberwiseClone();
            copy.NextToken = nextToken;
            return copy;
        }
    }
}
