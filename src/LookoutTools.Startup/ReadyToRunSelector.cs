using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace LookoutTools.Startup
{
    /// <summary>
    /// Loads the ReadyToRun build of LookoutTools.dll (bin/linux-x64, compiled ahead of time for
    /// .NET 10 on Linux x64) when this PowerShell can run it. The manifest lists this assembly
    /// before bin/LookoutTools.dll; when PowerShell then loads that portable file, .NET hands it
    /// the assembly already loaded, since both files carry the same identity and module version
    /// id. Anywhere else, or when the image cannot be loaded, nothing is loaded here and
    /// PowerShell loads the portable build as usual.
    /// </summary>
    /// <remarks>
    /// The choice is made here rather than in the root script because each statement of a
    /// script costs import time in a PowerShell that JIT-compiles its own engine.
    /// </remarks>
    public sealed class ReadyToRunSelector : IModuleAssemblyInitializer
    {
        /// <summary>
        /// The file in the image folder that names the portable LookoutTools.dll the images
        /// were compiled from. An image of another build has another module version id, and
        /// once it is loaded .NET refuses the portable file, so the import would fail.
        /// </summary>
        public const string FingerprintFileName = "compiled-from.txt";

        /// <summary>
        /// An assembly's length and PE time stamp. The build is deterministic, so the stamp is
        /// a hash of the assembly's content: two builds are told apart by reading 72 bytes, not
        /// the whole file, on every import.
        /// </summary>
        public static string FingerprintOf(string path)
        {
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read))
            using (var reader = new BinaryReader(file))
            {
                // The DOS header says where the PE header starts; its stamp is 8 bytes in.
                file.Position = 0x3C;
                file.Position = reader.ReadInt32() + 8;
                var stamp = reader.ReadUInt32();
                return file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + " " + stamp.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        public void OnImport()
        {
            // .NET Framework and other platforms cannot load the image at all; a .NET older
            // than the one it was compiled for is not tested with it.
            var canRunImage = Environment.OSVersion.Platform == PlatformID.Unix
                && RuntimeInformation.IsOSPlatform(OSPlatform.Linux)
                && RuntimeInformation.ProcessArchitecture == Architecture.X64
                && Environment.Version.Major >= 10;
            if (!canRunImage) return;

            var portableFolder = Path.GetDirectoryName(
                typeof(ReadyToRunSelector).Assembly.Location);
            var imageFolder = Path.Combine(portableFolder, "linux-x64");
            var image = Path.Combine(imageFolder, "LookoutTools.dll");
            var fingerprint = Path.Combine(imageFolder, FingerprintFileName);

            try
            {
                if (!File.Exists(image) || !File.Exists(fingerprint)) return;

                // Images left from another build (a newer module copied over an older folder,
                // say) are skipped rather than allowed to break the import.
                var portable = Path.Combine(portableFolder, "LookoutTools.dll");
                if (File.ReadAllText(fingerprint).Trim() != FingerprintOf(portable)) return;

                Assembly.LoadFrom(image);
            }
            catch (Exception exception) when (exception is IOException
                || exception is BadImageFormatException
                || exception is UnauthorizedAccessException)
            {
                // A damaged or foreign image: the portable build that PowerShell loads next
                // does the same work, only with more JIT compiling on the first call.
            }
        }
    }
}
