using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LookoutTools.Connection;
using LookoutTools.Protocol;
using LookoutTools.Validation;

namespace LookoutTools.Completion
{
    /// <summary>
    /// Completes model names from the endpoint: ListModels with ModelNameBeginsWith set to what
    /// was typed, called with the region, profile, endpoint and keys already on the command
    /// line. It answers from a short cache, gives up after <see cref="Timeout"/>, and never
    /// lets an error reach the prompt: whatever goes wrong, there are simply no completions.
    /// </summary>
    public sealed class ModelNameCompleter : IArgumentCompleter
    {
        /// <summary>The longest a Tab waits for the endpoint, connection set-up included.</summary>
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

        public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

        /// <summary>How long a failed connection is not asked again, whatever is typed.</summary>
        public static readonly TimeSpan FailureLifetime = TimeSpan.FromSeconds(5);

        /// <summary>The most names offered; one page of ListModels.</summary>
        public const int MaxCompletions = 100;

        // What else decides where a request goes and as whom, read when the line has no value.
        private static readonly string[] ConnectionEnvironment =
        {
            "AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT", "AWS_ENDPOINT_URL",
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_REGION", "AWS_DEFAULT_REGION",
            "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
        };

        /// <summary>Shared by every completion in the process; tests may clear it.</summary>
        public static ModelNameCache Cache { get; } =
            new ModelNameCache(CacheLifetime, FailureLifetime);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName,
            string parameterName, string wordToComplete, CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            try
            {
                if (HasUnknownConnectionValue(commandAst, fakeBoundParameters))
                {
                    return Array.Empty<CompletionResult>();
                }
                return Complete(wordToComplete ?? "", fakeBoundParameters);
            }
            catch (Exception)
            {
                // Completion runs inside the prompt: an error here would be printed into the
                // line being typed, so a failure of any kind just means no suggestions.
                return Array.Empty<CompletionResult>();
            }
        }

        private static readonly string[] ConnectionParameters =
        {
            "Region", "ProfileName", "ProfileLocation", "EndpointUrl", "AccessKey",
            "SecretKey", "SessionToken", "Credential",
        };

        /// <summary>
        /// True when the line names a connection parameter whose value completion cannot see
        /// (a variable or an expression). Completing from the environment instead could call
        /// another endpoint, or as another identity, than the command will.
        /// </summary>
        private static bool HasUnknownConnectionValue(CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            if (commandAst == null) return false;

            foreach (var element in commandAst.CommandElements)
            {
                if (!(element is CommandParameterAst parameter)) continue;

                foreach (var name in ConnectionParameters)
                {
                    var named = name.StartsWith(parameter.ParameterName,
                        StringComparison.OrdinalIgnoreCase)
                        && parameter.ParameterName.Length >= 2;
                    if (named && Text(fakeBoundParameters, name) == null) return true;
                }
            }
            return false;
        }

        private static IEnumerable<CompletionResult> Complete(string word,
            IDictionary fakeBoundParameters)
        {
            var quote = word.Length > 0 && (word[0] == '\'' || word[0] == '"') ? word[0] : '\0';
            var prefix = word.Trim('\'', '"');
            if (prefix.Length > 0 && !ValidateNamePrefixAttribute.IsValid(prefix))
            {
                return Array.Empty<CompletionResult>();
            }

            var settings = SettingsFrom(fakeBoundParameters);
            var connectionKey = ConnectionKey(settings);
            var names = Cache.Find(connectionKey, prefix) ?? Fetch(settings, connectionKey, prefix);

            var results = new List<CompletionResult>(names.Count);
            foreach (var name in names)
            {
                var text = quote == '\0' ? name.ModelName : quote + name.ModelName + quote;
                results.Add(new CompletionResult(
                    text, name.ModelName, CompletionResultType.ParameterValue, name.Description));
            }
            return results;
        }

        private static IReadOnlyList<ModelNameCandidate> Fetch(ConnectionSettings settings,
            string connectionKey, string prefix)
        {
            var cancellation = new CancellationTokenSource(Timeout);
            var request = Task.Run(() => ListNamesAsync(settings, prefix, cancellation.Token));

            // Whatever happens to the request after we stop waiting, observe it and free the
            // timer, so an abandoned request never surfaces as an unobserved task exception.
            request.ContinueWith(finished =>
            {
                _ = finished.Exception;
                cancellation.Dispose();
            }, TaskScheduler.Default);

            bool finishedInTime;
            try
            {
                finishedInTime = request.Wait(Timeout);
            }
            catch (AggregateException)
            {
                finishedInTime = false;
            }

            if (!finishedInTime || request.Status != TaskStatus.RanToCompletion)
            {
                Cache.AddFailure(connectionKey);
                return Array.Empty<ModelNameCandidate>();
            }

            var page = request.Result;
            var names = new List<ModelNameCandidate>(page.Summaries.Count);
            foreach (var model in page.Summaries)
            {
                if (string.IsNullOrEmpty(model.ModelName)) continue;
                names.Add(new ModelNameCandidate(model.ModelName, Describe(model)));
            }
            Cache.Add(connectionKey, prefix, names, isComplete: page.NextToken == null);
            return names;
        }

        private static async Task<ListModelsPage> ListNamesAsync(ConnectionSettings settings,
            string prefix, CancellationToken cancellationToken)
        {
            var connection = ConnectionResolver.Acquire(settings);
            try
            {
                var query = new ListModelsQuery
                {
                    ModelNameBeginsWith = prefix.Length == 0 ? null : prefix,
                    MaxResults = MaxCompletions,
                };
                return await connection.Client.ListModelsAsync(query, cancellationToken)
                    .ConfigureAwait(false);
            }
            finally
            {
                connection.Release();
            }
        }

        private static string Describe(Models.ModelSummary model)
        {
            var text = new StringBuilder(model.ModelName);
            if (model.Status != null) text.Append(": ").Append(model.Status);
            if (model.ActiveModelVersion.HasValue)
            {
                text.Append(", active version ").Append(model.ActiveModelVersion.Value);
            }
            if (model.DatasetName != null) text.Append(", dataset ").Append(model.DatasetName);
            return text.ToString();
        }

        private static ConnectionSettings SettingsFrom(IDictionary fakeBoundParameters)
        {
            return new ConnectionSettings
            {
                Region = Text(fakeBoundParameters, "Region"),
                ProfileName = Text(fakeBoundParameters, "ProfileName"),
                ProfileLocation = Text(fakeBoundParameters, "ProfileLocation"),
                EndpointUrl = Text(fakeBoundParameters, "EndpointUrl"),
                AccessKey = Text(fakeBoundParameters, "AccessKey"),
                SecretKey = Text(fakeBoundParameters, "SecretKey"),
                SessionToken = Text(fakeBoundParameters, "SessionToken"),
                TimeoutSeconds = (int)Math.Ceiling(Timeout.TotalSeconds),
            };
        }

        private static string Text(IDictionary parameters, string name)
        {
            if (parameters == null || !parameters.Contains(name)) return null;

            var value = parameters[name];
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            var text = value as string;
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        // Everything that decides the endpoint and identity, hashed so that no secret is kept
        // in the cache's keys.
        private static string ConnectionKey(ConnectionSettings settings)
        {
            var text = new StringBuilder();
            text.Append(settings.Region).Append('\n')
                .Append(settings.ProfileName).Append('\n')
                .Append(settings.ProfileLocation).Append('\n')
                .Append(settings.EndpointUrl).Append('\n')
                .Append(settings.AccessKey).Append('\n')
                .Append(settings.SecretKey).Append('\n')
                .Append(settings.SessionToken).Append('\n');
            foreach (var name in ConnectionEnvironment)
            {
                text.Append(Environment.GetEnvironmentVariable(name)).Append('\n');
            }

            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
                return Convert.ToBase64String(hash);
            }
        }
    }
}
