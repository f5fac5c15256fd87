"""``{% frame_fragment "footer" [value…] %}…{% endframe_fragment %}``: a part of the frame every page shares,
rendered once per content generation, language and the values named, then reused by every page this process
serves (FRAME_CACHE_SECONDS; the store is the "fragments" cache).

What is inside may depend only on content (any save starts a new generation), the language and the values named:
never on the visitor or the request (a query, a token). Django's own ``{% cache %}`` tag is the model; this one takes
its key and lifetime from the content generation, once per request, and renders afresh where that cannot be known:
a page rendered without a request, or an error page rendered while the database may be down (``frame_fragments``
false in its context), whose fragments could hold what the outage left out.
"""

from django import template
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.utils import translation

from pages.cache import frame_lifetime

register = template.Library()


class FrameFragmentNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist, self.name, self.values = nodelist, name, values

    def render(self, context):
        request = context.get("request")
        if request is None or not context.get("frame_fragments", True):
            return self.nodelist.render(context)
        generation, seconds = frame_lifetime(request)
        if seconds <= 0:
            return self.nodelist.render(context)
        values = [generation, translation.get_language(), *(value.resolve(context) for value in self.values)]
        key = make_template_fragment_key(self.name, values)
        fragment = caches["fragments"].get(key)
        if fragment is None:
            fragment = self.nodelist.render(context)
            caches["fragments"].set(key, fragment, seconds)
        return fragment


@register.tag
def frame_fragment(parser, token):
    name, *values = token.split_contents()[1:] or [None]
    if name is None or name[0] not in "\"'" or name[0] != name[-1]:
        raise template.TemplateSyntaxError("frame_fragment takes a quoted name, then the values it varies on")
    nodelist = parser.parse(("endframe_fragment",))
    parser.delete_first_token()
    return FrameFragmentNode(nodelist, name[1:-1], [parser.compile_filter(value) for value in values])
