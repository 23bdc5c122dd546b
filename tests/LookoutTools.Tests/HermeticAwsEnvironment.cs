using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace LookoutTools.Tests
{
    /// <summary>
    /// Runs before any test so that the SDK inside this process can neither read the user's
    /// AWS files nor ask the EC2 instance metadata service, and so that AWS_* variables on the
    /// machine cannot change endpoints, regions or retry counts under the tests.
    /// </summary>
    internal static class HermeticAwsEnvironment
    {
        // Names of files that do not exist, so the SDK finds no shared config or credentials.
        public static readonly string MissingFolder =
            Path.Combine(Path.GetTempPath(), "lookouttools-tests-no-aws-" + Guid.NewGuid());

        private static readonly string[] VariablesThatChangeBehaviour =
        {
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT",
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
            "AWS_REGION",
            "AWS_DEFAULT_REGION",
            "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE",
            "AWS_MAX_ATTEMPTS",
            "AWS_RETRY_MODE",
            "AWS_DEFAULTS_MODE",
            "AWS_USE_FIPS_ENDPOINT",
            "AWS_USE_DUALSTACK_ENDPOINT",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "ALL_PROXY",
            "http_proxy",
            "https_proxy",
            "all_proxy",
        };

        [ModuleInitializer]
        internal static void Apply()
        {
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            Environment.SetEnvironmentVariable(
                "AWS_CONFIG_FILE", Path.Combine(MissingFolder, "config"));
            Environment.SetEnvironmentVariable(
                "AWS_SHARED_CREDENTIALS_FILE", Path.Combine(MissingFolder, "credentials"));
            foreach (var name in VariablesThatChangeBehaviour)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
