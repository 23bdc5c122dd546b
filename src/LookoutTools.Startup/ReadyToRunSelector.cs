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
            var image = Path.Combine(portableFolder, "linux-x64", "LookoutTools.dll");
            if (!File.Exists(image)) return;

            try
            {
                Assembly.LoadFrom(image);
            }
            catch (Exception exception) when (
                exception is IOException || exception is BadImageFormatException)
            {
                // A damaged or foreign image: the portable build that PowerShell loads next
                // does the same work, only with more JIT compiling on the first call.
            }
        }
    }
}
