using System.Security.Cryptography;

namespace LookoutTools.Emulator.Auth;

/// <summary>
/// The access keys the emulator accepts: those configured at start, which never change, and
/// the temporary ones STS AssumeRole issues while it runs (the latest
/// <see cref="IssuedCapacity"/>, expired or not, so an expired key is still recognised).
/// </summary>
internal sealed class CredentialStore
{
    public const int IssuedCapacity = 10_000;

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private const string SecretAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private readonly Dictionary<string, AcceptedCredential> _configured;
    private readonly Dictionary<string, AcceptedCredential> _issued = new(StringComparer.Ordinal);
    private readonly Queue<string> _issuedOrder = new();
    private readonly Lock _lock = new();

    public CredentialStore(IEnumerable<SigningCredentials> configured)
    {
        _configured = new Dictionary<string, AcceptedCredential>(StringComparer.Ordinal);
        foreach (var keys in configured)
        {
            if (!_configured.TryAdd(keys.AccessKey, new AcceptedCredential(keys, null)))
            {
                throw new ArgumentException(
                    $"The access key '{keys.AccessKey}' is configured twice.", nameof(configured));
            }
        }
    }

    /// <summary>True when keys were configured: every API request must then be signed.</summary>
    public bool SignaturesRequired => _configured.Count > 0;

    public AcceptedCredential? Find(string? accessKey)
    {
        if (string.IsNullOrEmpty(accessKey))
        {
            return null;
        }

        if (_configured.TryGetValue(accessKey, out var configured))
        {
            return configured;
        }

        lock (_lock)
        {
            return _issued.GetValueOrDefault(accessKey);
        }
    }

    /// <summary>Makes new temporary credentials for a role session and accepts them.</summary>
    public AcceptedCredential Issue(IssuedRole role)
    {
        lock (_lock)
        {
            var accessKey = NewAccessKey();
            var keys = new SigningCredentials(
                accessKey, RandomText(SecretAlphabet, 40), NewSessionToken());
            var credential = new AcceptedCredential(keys, role);

            _issued.Add(accessKey, credential);
            _issuedOrder.Enqueue(accessKey);
            if (_issuedOrder.Count > IssuedCapacity)
            {
                _issued.Remove(_issuedOrder.Dequeue());
            }

            return credential;
        }
    }

    /// <summary>Configured keys first, then issued ones, oldest first.</summary>
    public IReadOnlyList<AcceptedCredential> Snapshot()
    {
        lock (_lock)
        {
            return [.. _configured.Values, .. _issuedOrder.Select(key => _issued[key])];
        }
    }

    /// <summary>ASIA and 16 base-32 characters, as STS writes temporary key ids.</summary>
    private string NewAccessKey()
    {
        // 80 random bits make a clash vanishingly rare; a few tries make it impossible here.
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var candidate = "ASIA" + RandomText(Base32Alphabet, 16);
            if (!_configured.ContainsKey(candidate) && !_issued.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Could not make an unused access key id.");
    }

    private static string NewSessionToken() =>
        "EmulatorSession/" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96));

    private static string RandomText(string alphabet, int length) =>
        RandomNumberGenerator.GetString(alphabet, length);
}
