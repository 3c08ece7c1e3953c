using SentinelContent.Playbooks.Expressions;

namespace SentinelContent.Playbooks.Tests;

public sealed class ExpressionParserTests
{
    [Fact]
    public void A_whole_value_expression_parses_into_calls_and_property_paths()
    {
        var template = TemplateParser.Parse("@triggerBody()?['object']?.properties[0]");
        Assert.Equal(TemplateKind.Expression, template.Kind);
        Assert.Empty(template.Errors);
        var index = Assert.IsType<IndexAccess>(template.Expressions.Single());
        Assert.False(index.NullSafe);
        var member = Assert.IsType<MemberAccess>(index.Target);
        Assert.Equal("properties", member.Name);
        Assert.True(member.NullSafe);
        var inner = Assert.IsType<IndexAccess>(member.Target);
        Assert.True(inner.NullSafe);
        Assert.Equal("object", Assert.IsType<StringLiteral>(inner.Index).Value);
        Assert.Equal("triggerBody", Assert.IsType<FunctionCall>(inner.Target).Name);
    }

    [Fact]
    public void Interpolation_keeps_text_and_expressions_in_order()
    {
        var template = TemplateParser.Parse("users/@{concat('a', 'b''c')}/x @{variables('n')}");
        Assert.Equal(TemplateKind.Interpolation, template.Kind);
        Assert.Empty(template.Errors);
        Assert.Collection(template.Parts,
            p => Assert.Equal("users/", Assert.IsType<TextPart>(p).Text),
            p => Assert.Equal("b'c", Assert.IsType<StringLiteral>(Assert.IsType<FunctionCall>(Assert.IsType<ExpressionPart>(p).Expression).Arguments[1]).Value),
            p => Assert.Equal("/x ", Assert.IsType<TextPart>(p).Text),
            p => Assert.Equal("variables", Assert.IsType<FunctionCall>(Assert.IsType<ExpressionPart>(p).Expression).Name));
    }

    [Theory]
    [InlineData("@@value", "@value")]
    [InlineData("mail me at user@contoso.com", "mail me at user@contoso.com")]
    [InlineData("literal @@{not an expression}", "literal @{not an expression}")]
    public void Escapes_and_inner_at_signs_stay_literal(string value, string text)
    {
        var template = TemplateParser.Parse(value);
        Assert.Equal(TemplateKind.Literal, template.Kind);
        Assert.Equal(text, string.Concat(template.Parts.OfType<TextPart>().Select(p => p.Text)));
    }

    [Theory]
    [InlineData("@concat('a', 'b'", 7, "no closing parenthesis")]
    [InlineData("@equals('open, 1)", 8, "no closing single quote")]
    [InlineData("x @{body('A') y", 14, "expected '}'")]
    [InlineData("@body('A')?", 11, "'?' must be followed")]
    [InlineData("@variables", 1, "must be a function call")]
    [InlineData("@foo() bar", 7, "after the end of the expression")]
    public void Syntax_errors_say_what_and_where(string value, int offset, string message)
    {
        var error = Assert.Single(TemplateParser.Parse(value).Errors);
        Assert.Equal(offset, error.Span.Start);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_a_stack_overflow()
    {
        var value = "@" + string.Concat(Enumerable.Repeat("not(", 5000)) + "true" + new string(')', 5000);
        var template = TemplateParser.Parse(value);
        Assert.Contains(template.Errors, e => e.Message.Contains("nested more than", StringComparison.Ordinal));
    }

    [Fact]
    public void The_function_catalog_knows_arity()
    {
        var concat = FunctionCatalog.Default.Find("CONCAT")!;
        Assert.True(concat.Accepts(5));
        Assert.False(concat.Accepts(0));
        var substring = FunctionCatalog.Default.Find("substring")!;
        Assert.Equal("2 to 3", substring.ArityText);
        Assert.Null(FunctionCatalog.Default.Find("concatenate"));
    }
}
