using System.CommandLine;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Cleaner.Commands;

/// <summary><c>oci-cleanup pins check FILE...</c>: every error as <c>FILE:LINE: message</c>; exit 2 when any.</summary>
internal static class PinsCheckCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Pins files to validate" };
        var check = new Command("check", "Validate pins files") { files };
        check.SetAction(async (parse, cancellationToken) =>
        {
            var failed = false;
            foreach (var path in parse.GetValue(files)!)
            {
                var file = await PinsFileReader.ReadAsync(path, cancellationToken);
                foreach (var error in file.Errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString());
                }

                failed |= !file.IsValid;
                if (file.IsValid)
                {
                    await Console.Out.WriteLineAsync($"{path}: {file.Rules.Length} pins, ok");
                }
            }

            return failed ? ExitCodes.Usage : ExitCodes.Success;
        });
        return new Command("pins", "Pins files") { check };
    }
}
