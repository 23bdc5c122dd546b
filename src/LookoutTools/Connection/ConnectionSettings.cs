namespace LookoutTools.Connection
{
    /// <summary>What the caller said about where and as whom to call the service.</summary>
    public sealed class ConnectionSettings
    {
        public string Region { get; set; }

        public string ProfileName { get; set; }

        public string ProfileLocation { get; set; }

        public string EndpointUrl { get; set; }

        public string AccessKey { get; set; }

        public string SecretKey { get; set; }

        public string SessionToken { get; set; }
    }
}
