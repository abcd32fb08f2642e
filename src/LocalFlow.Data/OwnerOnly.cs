namespace LocalFlow.Data;

/// <summary>
/// Folders and files only their owner may read: the SQLite database and the keys that protect sign-in cookies
/// (docs/operations.md). On Windows the folder's inherited access rules apply instead.
/// </summary>
public static class OwnerOnly
{
    /// <summary>rwx------ (0700).</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw------- (0600).</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and any missing parent) as 0700; a folder that already exists is left as it is.</summary>
    public static void CreateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, DirectoryMode);
    }

    /// <summary>Creates an empty file as 0600 when there is none (SQLite takes an empty file as a new database); an existing file is left as it is.</summary>
    public static void CreateFile(string path)
    {
        if (File.Exists(path))
        {
            return;
        }
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }
        try
        {
            using var _ = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // made at the same moment by another process: theirs stands
        }
    }

    /// <summary>Makes an existing folder 0700 and the files in it 0600 when this process owns them (the keys folder, at every start).</summary>
    public static void Tighten(string directory)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(directory))
        {
            return;
        }
        try
        {
            File.SetUnixFileMode(directory, DirectoryMode);
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                File.SetUnixFileMode(file, FileMode);
            }
        }
        catch (UnauthorizedAccessException)
        {
            // owned by another account: its owner decides
        }
    }
}
