console.log("pmc", process.argv.slice(2).join(" "));
