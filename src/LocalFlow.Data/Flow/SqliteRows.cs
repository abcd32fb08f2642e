using System.Runtime.InteropServices;
using SQLitePCL;

namespace LocalFlow.Data.Flow;

/// <summary>
/// Steps through a prepared SQLite statement and reads its columns by calling SQLite's own column functions directly,
/// for the flow engine's read of millions of rows. SQLitePCL's <see cref="raw"/> functions take the statement as a
/// <see cref="System.Runtime.InteropServices.SafeHandle"/>, which is counted up and down on every call: about 37 ns a
/// column, 1.9 of the 2.8 s it took to read 2 million records (benchmarks/results/amd-epyc-2core/EnginePages.md).
/// Here the handle is held once for the whole read and each column costs a plain call. The library is the one
/// SQLitePCL itself loaded (e_sqlite3, bundled with Microsoft.Data.Sqlite). Not thread-safe; one reader a statement.
/// </summary>
internal sealed unsafe class SqliteRows : IDisposable
{
    private const string Library = "e_sqlite3";
    private const int RowReady = 100;
    private const int Done = 101;
    private const int NullType = 5;

    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _handle;
    private bool _held;

    public SqliteRows(sqlite3_stmt statement)
    {
        _statement = statement;
        statement.DangerousAddRef(ref _held);
        _handle = statement.DangerousGetHandle();
    }

    /// <summary>Moves to the next row: true on a row, false when done; SQLite's error code otherwise.</summary>
    public bool Next(out int error)
    {
        var rc = Step(_handle);
        error = rc is RowReady or Done ? 0 : rc;
        return rc == RowReady;
    }

    /// <summary>Whether the column is NULL.</summary>
    public bool IsNull(int column) => ColumnType(_handle, column) == NullType;

    /// <summary>The column as a 32-bit integer (0 for NULL).</summary>
    public int Int(int column) => ColumnInt(_handle, column);

    /// <summary>The column as an integer, or null.</summary>
    public int? NullableInt(int column) => IsNull(column) ? null : Int(column);

    /// <summary>The column's bytes (UTF-8 for text; empty for NULL). Valid until the next call on this row.</summary>
    public ReadOnlySpan<byte> Bytes(int column)
    {
        var text = ColumnText(_handle, column);
        return text is null ? default : new ReadOnlySpan<byte>(text, ColumnBytes(_handle, column));
    }

    public void Dispose()
    {
        if (_held)
        {
            _statement.DangerousRelease();
            _held = false;
        }
    }

    [DllImport(Library, EntryPoint = "sqlite3_step")]
    private static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_column_type"), SuppressGCTransition]
    private static extern int ColumnType(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_int"), SuppressGCTransition]
    private static extern int ColumnInt(IntPtr statement, int column);

    // text, then bytes: SQLite's documented order for a value's bytes and its length.
    [DllImport(Library, EntryPoint = "sqlite3_column_text"), SuppressGCTransition]
    private static extern byte* ColumnText(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_bytes"), SuppressGCTransition]
    private static extern int ColumnBytes(IntPtr statement, int column);
}
