using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LookoutTools.Emulator.Protocol;

/// <summary>
/// Makes and checks NextTokens. A token carries only a position; its MAC binds the position
/// to the operation, the model and the filters of the request that produced it, under a key
/// made fresh for each process. So a token that was forged, altered, made by another
/// emulator run or replayed with other filters is refused.
/// </summary>
internal sealed class PageTokenCodec
{
    private const byte FormatVersion = 1;
    private const int MacLength = 16;
    private const int TokenLength = 1 + sizeof(long) + MacLength;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Create(string binding, long position)
    {
        Span<byte> token = stackalloc byte[TokenLength];
        token[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(token[1..], position);
        ComputeMac(binding, token[..(1 + sizeof(long))], token[(1 + sizeof(long))..]);

        return Base64Url.EncodeToString(token);
    }

    /// <summary>True, with the position, when the token was made here for this binding.</summary>
    public bool TryRead(string token, string binding, out long position)
    {
        position = 0;
        Span<byte> bytes = stackalloc byte[TokenLength];
        if (!Base64Url.IsValid(token)
            || !Base64Url.TryDecodeFromChars(token, bytes, out var length)
            || length != TokenLength
            || bytes[0] != FormatVersion
            || !string.Equals(Base64Url.EncodeToString(bytes), token, StringComparison.Ordinal))
        {
            // The last check refuses spellings that differ only in unused padding bits.
            return false;
        }

        Span<byte> expectedMac = stackalloc byte[MacLength];
        ComputeMac(binding, bytes[..(1 + sizeof(long))], expectedMac);
        if (!CryptographicOperations.FixedTimeEquals(expectedMac, bytes[(1 + sizeof(long))..]))
        {
            return false;
        }

        position = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        return position >= 0;
    }

    private void ComputeMac(string binding, ReadOnlySpan<byte> header, Span<byte> mac)
    {
        var bindingBytes = Encoding.UTF8.GetBytes(binding);
        var message = new byte[header.Length + bindingBytes.Length];
        header.CopyTo(message);
        bindingBytes.CopyTo(message.AsSpan(header.Length));

        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, message, full);
        full[..MacLength].CopyTo(mac);
    }
}
