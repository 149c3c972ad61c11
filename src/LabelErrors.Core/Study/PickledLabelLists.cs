using System.Buffers.Binary;
using System.Text;

namespace LabelErrors.Core.Study;

/// <summary>
/// Reads the AudioSet label files of the study: .npy object arrays (dtype <c>|O</c>) whose elements are integer
/// numpy arrays, i.e. one list of class indices per clip. numpy stores object arrays as a Python pickle; this is a
/// small, safe pickle reader for exactly that shape (it builds data, never calls anything), so no Python is needed.
/// </summary>
public static class PickledLabelLists
{
    public static int[][] Read(Stream stream, string displayName)
    {
        try
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            var pickleStart = ReadObjectHeader(bytes, displayName);
            var root = new PickleMachine(bytes[pickleStart..].ToArray()).Run();
            if (root is not PickledArray { Elements: { } elements })
                throw new InvalidDataException("the pickle does not hold a numpy object array");
            var lists = new int[elements.Count][];
            for (var i = 0; i < lists.Length; i++)
                lists[i] = elements[i] is PickledArray element ? element.ToIntegers() : throw new InvalidDataException($"element {i} is not a numpy array");
            return lists;
        }
        catch (Exception ex) when (ex is InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidCastException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{displayName}: not a numpy object array of integer label lists ({ex.Message})", ex);
        }
    }

    private static int ReadObjectHeader(ReadOnlySpan<byte> bytes, string displayName)
    {
        if (bytes.Length < 10 || bytes[0] != 0x93 || !bytes[1..6].SequenceEqual("NUMPY"u8))
            throw new InvalidDataException($"{displayName}: not a .npy file (bad magic)");
        var major = bytes[6];
        var (headerLength, headerStart) = major == 1
            ? (BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]), 10)
            : ((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]), 12);
        var header = Encoding.ASCII.GetString(bytes.Slice(headerStart, headerLength));
        if (!header.Contains("'descr': '|O'", StringComparison.Ordinal))
            throw new InvalidDataException($"{displayName}: expected an object array (descr '|O'), header is {header.Trim()}");
        return headerStart + headerLength;
    }

    private sealed record PickleGlobal(string Module, string Name);

    private sealed class PickledDtype(string code)
    {
        public string Code { get; } = code;
        public char ByteOrder { get; set; } = '|';
    }

    private sealed class PickledArray
    {
        public PickledDtype? Dtype { get; set; }
        public byte[]? Raw { get; set; }
        public List<object?>? Elements { get; set; }

        public int[] ToIntegers()
        {
            var dtype = Dtype ?? throw new InvalidDataException("array without dtype");
            var raw = Raw ?? throw new InvalidDataException("array without raw data");
            var size = int.Parse(dtype.Code.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            var bigEndian = dtype.ByteOrder == '>';
            var result = new int[raw.Length / size];
            for (var i = 0; i < result.Length; i++)
            {
                var span = raw.AsSpan(i * size, size);
                result[i] = (dtype.Code[0], size) switch
                {
                    ('u', 1) => span[0],
                    ('i', 1) => (sbyte)span[0],
                    ('u', 2) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span),
                    ('i', 2) => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(span) : BinaryPrimitives.ReadInt16LittleEndian(span),
                    ('u', 4) => checked((int)(bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span))),
                    ('i', 4) => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(span) : BinaryPrimitives.ReadInt32LittleEndian(span),
                    ('u', 8) => checked((int)(bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(span) : BinaryPrimitives.ReadUInt64LittleEndian(span))),
                    ('i', 8) => checked((int)(bigEndian ? BinaryPrimitives.ReadInt64BigEndian(span) : BinaryPrimitives.ReadInt64LittleEndian(span))),
                    _ => throw new InvalidDataException($"unsupported element dtype {dtype.Code}"),
                };
            }
            return result;
        }
    }

    /// <summary>The subset of the pickle protocol (2–4) numpy uses for object arrays of arrays.</summary>
    private sealed class PickleMachine(byte[] code)
    {
        private static readonly object Mark = new();
        private readonly List<object?> _stack = [];
        private readonly Dictionary<int, object?> _memo = [];
        private int _at;

        public object? Run()
        {
            while (true)
            {
                var op = code[_at++];
                switch (op)
                {
                    case 0x80: _at++; break; // PROTO
                    case 0x95: _at += 8; break; // FRAME
                    case (byte)'.': return Pop(); // STOP
                    case (byte)'c': Push(new PickleGlobal(ReadLine(), ReadLine())); break;
                    case (byte)'q': _memo[code[_at++]] = Peek(); break;
                    case (byte)'r': _memo[ReadInt32()] = Peek(); break;
                    case 0x94: _memo[_memo.Count] = Peek(); break; // MEMOIZE
                    case (byte)'h': Push(_memo[code[_at++]]); break;
                    case (byte)'j': Push(_memo[ReadInt32()]); break;
                    case (byte)'K': Push((long)code[_at++]); break;
                    case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2))); break;
                    case (byte)'J': Push((long)ReadInt32()); break;
                    case (byte)'N': Push(null); break;
                    case 0x88: Push(true); break;
                    case 0x89: Push(false); break;
                    case (byte)'(': Push(Mark); break;
                    case (byte)')': Push(Array.Empty<object?>()); break;
                    case 0x85: Push(new[] { Pop() }); break;
                    case 0x86: { var b = Pop(); var a = Pop(); Push(new[] { a, b }); break; }
                    case 0x87: { var c = Pop(); var b = Pop(); var a = Pop(); Push(new[] { a, b, c }); break; }
                    case (byte)'t': Push(PopToMark().ToArray()); break;
                    case (byte)']': Push(new List<object?>()); break;
                    case (byte)'a': { var item = Pop(); ((List<object?>)Peek()!).Add(item); break; }
                    case (byte)'e': { var items = PopToMark(); ((List<object?>)Peek()!).AddRange(items); break; }
                    case (byte)'C': Push(Take(code[_at++]).ToArray()); break;
                    case (byte)'B': Push(Take(ReadInt32()).ToArray()); break;
                    case (byte)'X': Push(Encoding.UTF8.GetString(Take(ReadInt32()))); break;
                    case 0x8c: Push(Encoding.UTF8.GetString(Take(code[_at++]))); break;
                    case (byte)'R': { var args = (object?[])Pop()!; var callable = (PickleGlobal)Pop()!; Push(Construct(callable, args)); break; }
                    case (byte)'b': { var state = (object?[])Pop()!; Build(Peek(), state); break; }
                    default: throw new InvalidDataException($"unsupported pickle opcode 0x{op:x2} at byte {_at - 1}");
                }
            }
        }

        private static object Construct(PickleGlobal callable, object?[] args) => (callable.Module, callable.Name) switch
        {
            ("numpy.core.multiarray" or "numpy._core.multiarray", "_reconstruct") => new PickledArray(),
            ("numpy", "dtype") => new PickledDtype((string)args[0]!),
            _ => throw new InvalidDataException($"unexpected pickled callable {callable.Module}.{callable.Name}"),
        };

        private static void Build(object? target, object?[] state)
        {
            switch (target)
            {
                case PickledDtype dtype:
                    dtype.ByteOrder = ((string)state[1]!)[0];
                    break;
                case PickledArray array:
                    // (version, shape, dtype, is_fortran, data): raw bytes for numbers, a list for objects.
                    array.Dtype = (PickledDtype)state[2]!;
                    if (state[4] is byte[] raw)
                        array.Raw = raw;
                    else
                        array.Elements = (List<object?>)state[4]!;
                    break;
                default:
                    throw new InvalidDataException("BUILD on an unexpected object");
            }
        }

        private void Push(object? value) => _stack.Add(value);

        private object? Peek() => _stack[^1];

        private object? Pop()
        {
            var value = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            return value;
        }

        private List<object?> PopToMark()
        {
            var markAt = _stack.LastIndexOf(Mark);
            if (markAt < 0)
                throw new InvalidDataException("pickle MARK missing");
            var items = _stack.GetRange(markAt + 1, _stack.Count - markAt - 1);
            _stack.RemoveRange(markAt, _stack.Count - markAt);
            return items;
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            var span = code.AsSpan(_at, count);
            _at += count;
            return span;
        }

        private int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        private string ReadLine()
        {
            var end = Array.IndexOf(code, (byte)'\n', _at);
            if (end < 0)
                throw new InvalidDataException("unterminated pickle GLOBAL");
            var text = Encoding.ASCII.GetString(code, _at, end - _at);
            _at = end + 1;
            return text;
        }
    }
}
