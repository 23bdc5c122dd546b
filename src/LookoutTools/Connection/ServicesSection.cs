using System;
using System.IO;

namespace LookoutTools.Connection
{
    /// <summary>
    /// Reads a service's endpoint_url from a [services NAME] section of the shared config file:
    /// <code>
    /// [services local]
    /// lookoutequipment =
    ///   endpoint_url = http://127.0.0.1:8080
    /// </code>
    /// AWSSDK.Core can read these too, but it keeps what it read first in a process, so a
    /// section written or pointed at later would be missed.
    /// </summary>
    public static class ServicesSection
    {
        public const string ServiceKey = "lookoutequipment";

        public static string FindEndpoint(string configFile, string sectionName)
        {
            if (string.IsNullOrEmpty(configFile) || string.IsNullOrEmpty(sectionName)
                || !File.Exists(configFile))
            {
                return null;
            }
            return FindEndpointIn(File.ReadAllLines(configFile), sectionName);
        }

        public static string FindEndpointIn(string[] lines, string sectionName)
        {
            var inSection = false;
            var inService = false;
            foreach (var raw in lines)
            {
                var line = StripComment(raw);
                if (line.Trim().Length == 0) continue;

                var trimmed = line.Trim();
                if (trimmed.StartsWith("[", StringComparison.Ordinal))
                {
                    inSection = IsSectionHeader(trimmed, sectionName);
                    inService = false;
                    continue;
                }
                if (!inSection) continue;

                var indented = char.IsWhiteSpace(line[0]);
                if (!SplitSetting(trimmed, out var key, out var value)) continue;

                if (!indented)
                {
                    inService = string.Equals(key, ServiceKey, StringComparison.OrdinalIgnoreCase)
                        && value.Length == 0;
                }
                else if (inService
                    && string.Equals(key, "endpoint_url", StringComparison.OrdinalIgnoreCase)
                    && value.Length > 0)
                {
                    return value;
                }
            }
            return null;
        }

        private static bool IsSectionHeader(string trimmed, string sectionName)
        {
            if (!trimmed.EndsWith("]", StringComparison.Ordinal)) return false;

            var words = trimmed.Substring(1, trimmed.Length - 2).Trim()
                .Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            return words.Length == 2 && words[0] == "services" && words[1] == sectionName;
        }

        private static bool SplitSetting(string trimmed, out string key, out string value)
        {
            var equals = trimmed.IndexOf('=');
            key = equals < 0 ? null : trimmed.Substring(0, equals).Trim();
            value = equals < 0 ? null : trimmed.Substring(equals + 1).Trim();
            return equals > 0;
        }

        private static string StripComment(string line)
        {
            var trimmedStart = line.TrimStart();
            return trimmedStart.StartsWith("#", StringComparison.Ordinal)
                || trimmedStart.StartsWith(";", StringComparison.Ordinal)
                ? ""
                : line;
        }
    }
}
