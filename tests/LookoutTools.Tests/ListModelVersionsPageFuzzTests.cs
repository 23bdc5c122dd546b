using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using LookoutTools.Protocol;
using Xunit;
using Xunit.Abstractions;

namespace LookoutTools.Tests
{
    /// <summary>
    /// Feeds the page parser inputs a broken or hostile endpoint could send. Whatever comes in,
    /// the parser must answer with a page or a ResponseParseException: any other exception
    /// would reach PowerShell users as an unexplained crash.
    /// </summary>
    public sealed class ListModelVersionsPageFuzzTests
    {
        private const int Seed = 20_240_101;
        private const int InputsPerGenerator = 5_000;

        private static readonly string[] Tokens =
        {
            "{", "}", "[", "]", ":", ",", " ", "\n",
            "\"ModelVersionSummaries\"", "\"NextToken\"", "\"ModelName\"", "\"ModelArn\"",
            "\"ModelVersion\"", "\"ModelVersionArn\"", "\"CreatedAt\"", "\"Status\"",
            "\"SourceType\"", "\"ModelQuality\"", "\"Unknown\"",
            "null", "true", "false", "0", "-0", "1", "1.5", "-1", "1e400", "1e22", "-1e25",
            "9223372036854775807", "9223372036854775808", "253402300800", "1704067200.123",
            "\"\"", "\"x\"", "\"SUCCESS\"", "\"\\ud800\"", "\"\\u00\"", "\"\\n\"", "\"\\\"\"",
            "\"", "\\", "/*", "*/", "//", "NaN", "Infinity", "\u00e9", "\u00ff",
        };

        private static readonly string[] MemberNames =
        {
            "ModelVersionSummaries", "NextToken", "ModelName", "ModelArn", "ModelVersion",
            "ModelVersionArn", "CreatedAt", "Status", "SourceType", "ModelQuality", "Other",
        };

        private readonly ITestOutputHelper output;

        public ListModelVersionsPageFuzzTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [Fact]
        public void ParseOnlyEverReturnsAPageOrThrowsResponseParseException()
        {
            var random = new Random(Seed);
            var validPage = Encoding.UTF8.GetBytes(ListModelVersionsPageTests.FullPage);
            var generators = new (string Name, Func<byte[]> Next)[]
            {
                ("random bytes", () => RandomBytes(random)),
                ("token soup", () => TokenSoup(random)),
                ("random JSON trees", () => Encoding.UTF8.GetBytes(RandomValue(random, 0, true))),
                ("mutated valid page", () => Mutate(random, validPage)),
            };

            var stopwatch = Stopwatch.StartNew();
            var tried = 0;
            var parsed = 0;
            var rejected = 0;
            var escapes = new Dictionary<string, (int Count, byte[] Example)>();
            foreach (var generator in generators)
            {
                var generatorParsed = 0;
                for (var i = 0; i < InputsPerGenerator; i++)
                {
                    var input = generator.Next();
                    tried++;
                    try
                    {
                        ListModelVersionsPage.Parse(input);
                        parsed++;
                        generatorParsed++;
                    }
                    catch (ResponseParseException)
                    {
                        rejected++;
                    }
                    catch (Exception exception)
                    {
                        // The shortest input per exception type is the easiest to debug.
                        var key = exception.GetType().FullName;
                        escapes.TryGetValue(key, out var seen);
                        var example = seen.Example == null || input.Length < seen.Example.Length
                            ? input
                            : seen.Example;
                        escapes[key] = (seen.Count + 1, example);
                    }
                }
                output.WriteLine(
                    $"{generator.Name}: {InputsPerGenerator} inputs, {generatorParsed} parsed");
            }
            stopwatch.Stop();

            var escaped = escapes.Values.Sum(entry => entry.Count);
            output.WriteLine($"Seed {Seed}: tried {tried} inputs in {stopwatch.ElapsedMilliseconds}"
                + $" ms; {parsed} parsed, {rejected} rejected, {escaped} escaped.");
            foreach (var escape in escapes)
            {
                output.WriteLine($"  {escape.Key} x{escape.Value.Count}, shortest input (base64): "
                    + Convert.ToBase64String(escape.Value.Example));
            }

            Assert.True(parsed > 0, "The fuzzer never produced a page the parser accepts.");
            Assert.True(rejected > 0, "The fuzzer never produced an answer the parser rejects.");
            Assert.True(escapes.Count == 0, "Parse let other exceptions through: "
                + string.Join("; ", escapes.Select(escape => escape.Key + " for input (base64) "
                    + Convert.ToBase64String(escape.Value.Example))));
        }

        private static byte[] RandomBytes(Random random)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);

            // Starting with '{' gets the parser past its first check more often.
            if (bytes.Length > 0 && random.Next(2) == 0) bytes[0] = (byte)'{';
            return bytes;
        }

        private static byte[] TokenSoup(Random random)
        {
            var text = new StringBuilder("{");
            var count = random.Next(0, 24);
            for (var i = 0; i < count; i++) text.Append(Tokens[random.Next(Tokens.Length)]);
            if (random.Next(2) == 0) text.Append('}');
            return Encoding.UTF8.GetBytes(text.ToString());
        }

        // Well-formed JSON whose member names are mostly the ones the parser looks for, so that
        // the type checks behind each name are reached with every kind of value.
        private static string RandomValue(Random random, int depth, bool forceObject = false)
        {
            var kind = forceObject ? 0 : random.Next(depth > 5 ? 2 : 0, 9);
            switch (kind)
            {
                case 0:
                case 1 when depth > 5:
                    return RandomObject(random, depth);
                case 1:
                    var items = Enumerable.Range(0, random.Next(0, 4))
                        .Select(_ => RandomValue(random, depth + 1, random.Next(3) > 0));
                    return "[" + string.Join(",", items) + "]";
                case 2: return "null";
                case 3: return random.Next(2) == 0 ? "true" : "false";
                case 4: return random.Next(-5, 1_000_000).ToString();
                case 5: return (random.NextDouble() * 3e9).ToString("R");
                case 6: return Tokens[random.Next(18, 36)];
                default: return "\"" + MemberNames[random.Next(MemberNames.Length)] + "\"";
            }
        }

        private static string RandomObject(Random random, int depth)
        {
            var members = Enumerable.Range(0, random.Next(0, 5)).Select(_ =>
                "\"" + MemberNames[random.Next(MemberNames.Length)] + "\":"
                + RandomValue(random, depth + 1));
            return "{" + string.Join(",", members) + "}";
        }

        private static byte[] Mutate(Random random, byte[] original)
        {
            var bytes = new List<byte>(original);
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations && bytes.Count > 0; m++)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(6))
                {
                    case 0:
                        bytes[at] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1:
                        bytes.RemoveRange(at, bytes.Count - at);
                        break;
                    case 2:
                        bytes.Insert(at, (byte)random.Next(256));
                        break;
                    case 3:
                        bytes.InsertRange(at, Encoding.UTF8.GetBytes(
                            Tokens[random.Next(Tokens.Length)]));
                        break;
                    case 4:
                        var length = random.Next(1, Math.Min(40, bytes.Count - at) + 1);
                        var segment = bytes.GetRange(at, length);
                        bytes.InsertRange(random.Next(bytes.Count + 1), segment);
                        break;
                    default:
                        bytes.RemoveRange(at, random.Next(1, Math.Min(8, bytes.Count - at) + 1));
                        break;
                }
            }
            return bytes.ToArray();
        }
    }
}
