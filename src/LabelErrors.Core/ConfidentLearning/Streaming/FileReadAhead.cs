using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// Asks the OS to start reading a range of a file in the background (<c>posix_fadvise(POSIX_FADV_WILLNEED)</c> on
/// Linux; nothing elsewhere). A worker hints the block it will read next before it processes the current one, so
/// reading from disk overlaps with computing: the kernel's own read-ahead does not follow the backwards passes nor
/// the jumps between the blocks that two workers claim in turn. It never changes what is read.
/// </summary>
internal static partial class FileReadAhead
{
    private const int WillNeed = 3; // POSIX_FADV_WILLNEED on Linux

    private static bool _unavailable = !OperatingSystem.IsLinux();

    public static void Hint(SafeFileHandle handle, long offset, long length)
    {
        if (_unavailable || length <= 0) return;
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            _ = PosixFadvise((int)handle.DangerousGetHandle(), offset, length, WillNeed);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(int fd, long offset, long length, int advice);
}
