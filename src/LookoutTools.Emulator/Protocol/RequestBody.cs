using Microsoft.AspNetCore.Http;

namespace LookoutTools.Emulator.Protocol;

/// <summary>Reads a request body whole, up to the size both front ends accept.</summary>
internal static class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
