using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("LabelErrors.Core.Tests")]
[assembly: InternalsVisibleTo("LabelErrors.Cli.Tests")]
[assembly: InternalsVisibleTo("LabelErrors.Benchmarks")]
