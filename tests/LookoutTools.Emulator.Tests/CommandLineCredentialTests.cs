using LookoutTools.Emulator.Auth;
using LookoutTools.Emulator.Hosting;

namespace LookoutTools.Emulator.Tests;

/// <summary>How --access-key, --secret-key, --session-token and --credential combine.</summary>
public sealed class CommandLineCredentialTests
{
    [Fact]
    public void Access_key_comes_first_then_each_credential_in_order()
    {
        var commandLine = CommandLine.Parse([
            "--credential", "AKIASECOND:second-secret",
            "--access-key", "AKIAFIRST", "--secret-key", "first-secret",
            "--session-token", "first-token",
            "--credential=ASIATHIRD:third/secret+x:third-token:with-colon",
        ]);

        Assert.Equal(
            [
                new SigningCredentials("AKIAFIRST", "first-secret", "first-token"),
                new SigningCredentials("AKIASECOND", "second-secret", null),
                new SigningCredentials("ASIATHIRD", "third/secret+x", "third-token:with-colon"),
            ],
            commandLine.Credentials);
    }

    [Fact]
    public void No_key_options_mean_no_keys()
    {
        Assert.Empty(CommandLine.Parse([]).Credentials);
    }

    [Theory]
    [InlineData("AKIAONLY")]
    [InlineData("AKIAONLY:")]
    [InlineData(":secret")]
    [InlineData("AKIAONLY:secret:")]
    public void A_malformed_credential_is_refused_without_echoing_it(string value)
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse(["--credential", value]));

        Assert.Contains("ACCESSKEY:SECRET", error.Message);
        Assert.DoesNotContain(value, error.Message);
    }

    [Fact]
    public void The_same_access_key_twice_is_refused()
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse([
            "--access-key", "AKIATWICE", "--secret-key", "one",
            "--credential", "AKIATWICE:two",
        ]));

        Assert.Contains("'AKIATWICE' is given twice", error.Message);
    }

    [Theory]
    [InlineData("AKIA/SLASH:secret")]
    [InlineData("AKIA KEY:secret")]
    public void An_access_key_AWS_could_not_issue_is_refused(string value)
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse(["--credential", value]));

        Assert.Contains("letters, digits or '_'", error.Message);
    }
}
