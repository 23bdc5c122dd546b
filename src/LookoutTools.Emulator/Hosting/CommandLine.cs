using System.Globalization;
using System.Text.RegularExpressions;
using LookoutTools.Emulator.Auth;
using LookoutTools.Emulator.Data;

namespace LookoutTools.Emulator.Hosting;

/// <summary>The emulator's command line, parsed. See <see cref="Usage"/>.</summary>
internal sealed partial record CommandLine
{
    public const string ReadyLinePrefix = "Lookout for Equipment emulator listening on ";

    public const string Usage = """
        LookoutTools.Emulator: a local Amazon Lookout for Equipment (AWS JSON 1.0) for tests.

        Usage: LookoutTools.Emulator [options]

          --port N                  Port on 127.0.0.1 (default 0: a free port chosen by the
                                    system). The emulator never listens on another address.
          --host 127.0.0.1          Accepted for clarity; any other host is refused.
          --data PATH               A JSON file, or a folder of *.json files, in the shape
                                    ListModelVersions answers with. Repeatable. Default: the
                                    SampleData folder next to the emulator.
          --no-sample-data          Start without the shipped sample data (with --generate).
          --generate MODEL=COUNT    Add COUNT synthetic versions of MODEL, made on demand (a
                                    million cost no memory until listed). Repeatable.
          --default-page-size N     Page size when a request has no MaxResults (default 50).
          --access-key AK           Accept SigV4 signatures by this access key...
          --secret-key SK           ...and this secret key (both or neither).
          --session-token TOKEN     Requests signed by --access-key must carry this
                                    X-Amz-Security-Token.
          --credential AK:SK[:TOKEN]
                                    Also accept this key pair; with TOKEN, requests it signs
                                    must carry that X-Amz-Security-Token. Repeatable. A
                                    secret key cannot contain ':'.
                                    With any key given, every API and STS request must be
                                    signed by one of them, or by credentials that STS
                                    AssumeRole or AssumeRoleWithWebIdentity issued.
          --write-sample-data FOLDER
                                    Write the sample data files into FOLDER and exit (how the
                                    shipped files are made).
          --parent-pid PID          Exit when process PID ends.
          --ignore-stdin            Do not exit when standard input closes.
          --version                 Print the version and exit.
          -h, --help                Print this help and exit.

        When ready it prints one line to stdout:
          Lookout for Equipment emulator listening on http://127.0.0.1:PORT
        and serves until standard input closes (unless it is /dev/null or --ignore-stdin is
        given), SIGTERM or Ctrl+C arrives, or the --parent-pid process ends.

        API: POST / with Content-Type application/x-amz-json-1.0 and X-Amz-Target
        AWSLookoutEquipmentFrontendService.ListModelVersions or .ListModels. Versions are
        listed newest first; every time and version bound is inclusive.
        STS: POST / with a form body (application/x-www-form-urlencoded) and
        Action=AssumeRole or Action=GetCallerIdentity, Version=2011-06-15; point
        AWS_ENDPOINT_URL_STS at the emulator. AssumeRole issues temporary ASIA... keys that
        the emulator then accepts until they expire.
        Control (tests only): GET /_emulator/health, GET|DELETE /_emulator/requests,
        GET|POST|DELETE /_emulator/faults, GET /_emulator/credentials. See README.md.

        Exit codes: 0 stopped normally, 2 bad command line or data, 1 could not serve.
        """;

    public int Port { get; private set; }

    public List<string> DataPaths { get; } = [];

    public bool UseSampleData { get; private set; } = true;

    public List<(string ModelName, int Count)> Generated { get; } = [];

    public int DefaultPageSize { get; private set; } = EmulatorSettings.DefaultPageSizeWhenUnset;

    /// <summary>The key pairs to accept: --access-key first, then each --credential.</summary>
    public List<SigningCredentials> Credentials { get; } = [];

    public int? ParentProcessId { get; private set; }

    public bool WatchStandardInput { get; private set; } = true;

    public bool ShowHelp { get; private set; }

    public bool ShowVersion { get; private set; }

    /// <summary>Hidden: regenerate the shipped SampleData files into this folder.</summary>
    public string? WriteSampleDataTo { get; private set; }

    /// <summary>Parses the arguments; a <see cref="UsageException"/> says what is wrong.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        string? accessKey = null, secretKey = null, sessionToken = null;
        var credentials = new List<SigningCredentials>();

        for (var index = 0; index < args.Count; index++)
        {
            var (name, inlineValue) = SplitOption(args[index]);
            string Value() => inlineValue ?? (++index < args.Count
                ? args[index]
                : throw new UsageException($"{name} needs a value."));

            switch (name)
            {
                case "--port": result.Port = Integer(name, Value(), 0, 65535); break;
                case "--host": RequireLoopback(Value()); break;
                case "--data": result.DataPaths.Add(Value()); break;
                case "--no-sample-data": result.UseSampleData = false; break;
                case "--generate": result.Generated.Add(ParseGenerate(Value())); break;
                case "--default-page-size":
                    result.DefaultPageSize = Integer(name, Value(), 1, 500);
                    break;
                case "--access-key": accessKey = Value(); break;
                case "--secret-key": secretKey = Value(); break;
                case "--session-token": sessionToken = Value(); break;
                case "--credential": credentials.Add(ParseCredential(Value())); break;
                case "--parent-pid":
                    result.ParentProcessId = Integer(name, Value(), 1, int.MaxValue);
                    break;
                case "--ignore-stdin": result.WatchStandardInput = false; break;
                case "--write-sample-data": result.WriteSampleDataTo = Value(); break;
                case "--version": result.ShowVersion = true; break;
                case "-h" or "--help" or "-?": result.ShowHelp = true; break;
                default: throw new UsageException($"Unknown option '{args[index]}'.");
            }
        }

        if ((accessKey is null) != (secretKey is null))
        {
            throw new UsageException("--access-key and --secret-key go together.");
        }

        if (sessionToken is not null && accessKey is null)
        {
            throw new UsageException("--session-token needs --access-key and --secret-key.");
        }

        if (accessKey is not null)
        {
            result.AddCredential(
                new SigningCredentials(accessKey, secretKey!, sessionToken), "--access-key");
        }

        foreach (var credential in credentials)
        {
            result.AddCredential(credential, "--credential");
        }

        return result;
    }

    private void AddCredential(SigningCredentials credential, string option)
    {
        if (!SigningCredentials.IsValidAccessKey(credential.AccessKey))
        {
            throw new UsageException(
                $"{option}: the access key '{credential.AccessKey}' must be 1-128 letters, " +
                "digits or '_'.");
        }

        if (Credentials.Any(known => known.AccessKey == credential.AccessKey))
        {
            throw new UsageException(
                $"{option}: the access key '{credential.AccessKey}' is given twice; give " +
                "each key once.");
        }

        Credentials.Add(credential);
    }

    /// <summary>ACCESSKEY:SECRET or ACCESSKEY:SECRET:SESSIONTOKEN.</summary>
    private static SigningCredentials ParseCredential(string text)
    {
        var parts = text.Split(':', 3);
        if (parts.Length < 2 || parts.Any(part => part.Length == 0))
        {
            // Never echo the text: it holds a secret key.
            throw new UsageException(
                "--credential takes ACCESSKEY:SECRET or ACCESSKEY:SECRET:SESSIONTOKEN, " +
                "each part non-empty.");
        }

        return new SigningCredentials(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    private static (string Name, string? Value) SplitOption(string argument)
    {
        var equals = argument.IndexOf('=');
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static int Integer(string name, string text, int minimum, int maximum)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= minimum && value <= maximum)
        {
            return value;
        }

        throw new UsageException($"{name} takes a whole number from {minimum} to {maximum}.");
    }

    private static void RequireLoopback(string host)
    {
        if (host != "127.0.0.1")
        {
            throw new UsageException(
                $"The emulator listens on 127.0.0.1 only; --host '{host}' is refused.");
        }
    }

    private static (string, int) ParseGenerate(string text)
    {
        var match = GeneratePattern().Match(text);
        if (!match.Success)
        {
            throw new UsageException(
                $"--generate takes MODEL=COUNT with a model name of 1-200 letters, digits, " +
                $"'-' or '_' and a count of at least 1; got '{text}'.");
        }

        var count = Integer("--generate COUNT", match.Groups["count"].Value, 1,
            ModelCatalogBuilder.MaxSyntheticVersionsPerModel);
        return (match.Groups["model"].Value, count);
    }

    [GeneratedRegex("^(?<model>[0-9a-zA-Z_-]{1,200})=(?<count>[0-9]{1,9})$")]
    private static partial Regex GeneratePattern();
}

/// <summary>A command-line mistake; the message says which and how to fix it.</summary>
internal sealed class UsageException(string message) : Exception(message);
