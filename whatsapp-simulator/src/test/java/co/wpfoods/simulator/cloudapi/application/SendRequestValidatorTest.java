package co.wpfoods.simulator.cloudapi.application;

import static co.wpfoods.simulator.cloudapi.application.SendRequestFixtures.AUDIO_ID;
import static co.wpfoods.simulator.cloudapi.application.SendRequestFixtures.IMAGE_ID;
import static co.wpfoods.simulator.cloudapi.application.SendRequestFixtures.rejected;
import static co.wpfoods.simulator.cloudapi.application.SendRequestFixtures.send;
import static co.wpfoods.simulator.cloudapi.application.SendRequestFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import co.wpfoods.simulator.cloudapi.application.SendRequestValidator.MarkAsRead;
import co.wpfoods.simulator.cloudapi.application.SendRequestValidator.OutboundMessage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every send rule of reference §5 and the code Meta answers it with (§6). */
class SendRequestValidatorTest {

    static final String BUTTON = "{'type':'reply','reply':{'id':'order:8841:confirm','title':'Confirmar'}}";

    static String buttons(String buttons) {
        return send(
                "interactive",
                "{'type':'button','body':{'text':'¿Confirmas tu pedido?'},'action':{'buttons':[" + buttons + "]}}");
    }

    static String buttonMessage(String extra) {
        return send("interactive", "{'type':'button'," + extra + "'action':{'buttons':[" + BUTTON + "]}}");
    }

    static String row(String id) {
        return "{'id':'" + id + "','title':'Pizzería Napoli'}";
    }

    static String list(String button, String sections) {
        return send(
                "interactive",
                "{'type':'list','body':{'text':'Elige dónde pedir'},'action':{'button':'" + button + "','sections':["
                        + sections + "]}}");
    }

    static String rows(int count, String prefix) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            rows.append(i == 0 ? "" : ",").append(row(prefix + i));
        }
        return rows.toString();
    }

    static String cta(String action) {
        return send(
                "interactive",
                "{'type':'cta_url','body':{'text':'Mira dónde está tu rapitendero.'},'action':" + action + "}");
    }

    static String template(String name, String language, String components) {
        return send(
                "template",
                "{'name':'" + name + "','language':{'code':'" + language + "'},'components':[" + components + "]}");
    }

    static final String ORDER_HEADER =
            "{'type':'header','parameters':[{'type':'image','image':{'link':'https://wpfoods.example/img/moto.png'}}]}";
    static final String ORDER_BODY =
            "{'type':'body','parameters':[{'type':'text','text':'Camila'},{'type':'text','text':'8841'},"
                    + "{'type':'currency','currency':{'fallback_value':'$88.500','code':'COP','amount_1000':88500000}}]}";
    static final String ORDER_URL_BUTTON =
            "{'type':'button','sub_type':'url','index':'1','parameters':[{'type':'text','text':'8841'}]}";

    static Stream<Arguments> validSends() {
        return Stream.of(
                argumentSet("text with preview", send("text", "{'preview_url':true,'body':'Sigue tu pedido 🍕'}")),
                argumentSet(
                        "text without type defaults to text",
                        "{'messaging_product':'whatsapp','to':'573001234567','text':{'body':'hola'}}"),
                argumentSet("text of 4096 characters", send("text", "{'body':'" + "a".repeat(4096) + "'}")),
                argumentSet(
                        "callback data of 512",
                        "{'messaging_product':'whatsapp','to':'+57 300 123 4567','type':'text','text':{'body':'x'},'biz_opaque_callback_data':'"
                                + "c".repeat(512) + "'}"),
                argumentSet(
                        "contextual reply",
                        "{'messaging_product':'whatsapp','to':'(+57) 300-123-4567','context':{'message_id':'wamid.IN1'},'type':'text','text':{'body':'x'}}"),
                argumentSet(
                        "three reply buttons with header and footer",
                        send(
                                "interactive",
                                "{'type':'button','header':{'type':'text','text':'Pedido #8841'},'body':{'text':'Total $88.500'},'footer':{'text':'WPFoods'},'action':{'buttons':["
                                        + BUTTON
                                        + ",{'type':'reply','reply':{'id':'e','title':'Cambiar'}},{'type':'reply','reply':{'id':'c','title':'Cancelar'}}]}}")),
                argumentSet(
                        "buttons with image header by id",
                        buttonMessage(
                                "'header':{'type':'image','image':{'id':'" + IMAGE_ID + "'}},'body':{'text':'x'},")),
                argumentSet(
                        "buttons with document header by link",
                        buttonMessage(
                                "'header':{'type':'document','document':{'link':'https://wpfoods.example/menu.pdf'}},'body':{'text':'x'},")),
                argumentSet(
                        "button title of 20",
                        buttons("{'type':'reply','reply':{'id':'a','title':'" + "t".repeat(20) + "'}}")),
                argumentSet("list with one untitled section", list("Ver", "{'rows':[" + row("a") + "]}")),
                argumentSet(
                        "contacts as a JSON-encoded string, as whatsapp-api-js sends them",
                        "{'messaging_product':'whatsapp','to':'573001234567','type':'contacts','contacts':'[{\\'name\\':{\\'formatted_name\\':\\'Andrés Gómez\\'},\\'phones\\':[{\\'phone\\':\\'+57 300 765 4321\\'}]}]'}"),
                argumentSet(
                        "list of 10 rows in two sections",
                        list(
                                "Ver opciones",
                                "{'title':'Pizza','rows':[" + rows(6, "p") + "]},{'title':'Hamburguesas','rows':["
                                        + rows(4, "h") + "]}")),
                argumentSet(
                        "list row with description",
                        list(
                                "Ver",
                                "{'title':'Pizza','rows':[{'id':'rest:112','title':'Pizzería Napoli','description':'"
                                        + "d".repeat(72) + "'}]}")),
                argumentSet(
                        "cta url",
                        cta(
                                "{'name':'cta_url','parameters':{'display_text':'Rastrear pedido','url':'https://wpfoods.example/t/8841?c=x1'}}")),
                argumentSet(
                        "location request",
                        send(
                                "interactive",
                                "{'type':'location_request_message','body':{'text':'Comparte tu ubicación 📍'},'action':{'name':'send_location'}}")),
                argumentSet(
                        "location with string coordinates",
                        send(
                                "location",
                                "{'latitude':'4.6486259','longitude':'-74.0628021','name':'Pizzería Napoli','address':'Cl. 93A #11A-28'}")),
                argumentSet(
                        "location with number coordinates",
                        send("location", "{'latitude':4.6486259,'longitude':-74.0628021}")),
                argumentSet(
                        "image by id with caption",
                        send("image", "{'id':'" + IMAGE_ID + "','caption':'Menú del día'}")),
                argumentSet(
                        "document by link",
                        send(
                                "document",
                                "{'link':'https://wpfoods.example/r/8841.pdf','filename':'recibo-8841.pdf','caption':'Tu recibo'}")),
                argumentSet("voice note by id", send("audio", "{'id':'" + AUDIO_ID + "','voice':true}")),
                argumentSet("video by link", send("video", "{'link':'https://wpfoods.example/v.mp4'}")),
                argumentSet("sticker by link", send("sticker", "{'link':'https://wpfoods.example/s.webp'}")),
                argumentSet("reaction", send("reaction", "{'message_id':'wamid.IN1','emoji':'👍'}")),
                argumentSet("reaction removal", send("reaction", "{'message_id':'wamid.IN1','emoji':''}")),
                argumentSet(
                        "contacts",
                        "{'messaging_product':'whatsapp','to':'573001234567','type':'contacts','contacts':[{'name':{'formatted_name':'Andrés Gómez'},'phones':[{'phone':'+57 300 765 4321'}]}]}"),
                argumentSet(
                        "template with header, body and url button",
                        template("pedido_en_camino", "es", ORDER_HEADER + "," + ORDER_BODY + "," + ORDER_URL_BUTTON)),
                argumentSet(
                        "template with quick reply payload",
                        template(
                                "pedido_en_camino",
                                "es",
                                ORDER_HEADER + "," + ORDER_BODY + "," + ORDER_URL_BUTTON
                                        + ",{'type':'BUTTON','sub_type':'quick_reply','index':0,'parameters':[{'type':'payload','payload':'order:8841:help'}]}")),
                argumentSet(
                        "template with text header",
                        template(
                                "oferta_rapitendero",
                                "es",
                                "{'type':'header','parameters':[{'type':'text','text':'#8841'}]},{'type':'body','parameters':[{'type':'text','text':'Napoli'},{'type':'text','text':'Cra 7'}]}")),
                argumentSet(
                        "named template",
                        template(
                                "recordatorio_pago",
                                "es",
                                "{'type':'body','parameters':[{'type':'text','parameter_name':'amount','text':'$10.000'},{'type':'date_time','parameter_name':'customer_name','date_time':{'fallback_value':'Camila'}}]}")));
    }

    @ParameterizedTest
    @MethodSource("validSends")
    void accepts_valid_sends(String body) {
        assertThat(validate(body)).isInstanceOf(OutboundMessage.class);
    }

    static Stream<Arguments> invalidSends() {
        return Stream.of(
                // common body
                argumentSet("body is not an object", "[]", 100),
                argumentSet(
                        "messaging_product missing", "{'to':'573001234567','type':'text','text':{'body':'x'}}", 131008),
                argumentSet(
                        "messaging_product not whatsapp",
                        "{'messaging_product':'sms','to':'573001234567','type':'text','text':{'body':'x'}}",
                        131009),
                argumentSet(
                        "unknown top-level key",
                        "{'messaging_product':'whatsapp','to':'573001234567','type':'text','text':{'body':'x'},'priority':'high'}",
                        100),
                argumentSet("to missing", "{'messaging_product':'whatsapp','type':'text','text':{'body':'x'}}", 131008),
                argumentSet(
                        "to not a number",
                        "{'messaging_product':'whatsapp','to':'camila','type':'text','text':{'body':'x'}}",
                        131009),
                argumentSet(
                        "to is the business itself",
                        "{'messaging_product':'whatsapp','to':'+573150000000','type':'text','text':{'body':'x'}}",
                        131021),
                argumentSet(
                        "group recipient",
                        "{'messaging_product':'whatsapp','recipient_type':'group','to':'573001234567','type':'text','text':{'body':'x'}}",
                        131009),
                argumentSet("unknown type", send("poll", "{}"), 131051),
                argumentSet(
                        "type without its object",
                        "{'messaging_product':'whatsapp','to':'573001234567','type':'image'}",
                        131008),
                argumentSet(
                        "object of another type",
                        "{'messaging_product':'whatsapp','to':'573001234567','type':'text','text':{'body':'x'},'image':{'link':'https://a.b/c.png'}}",
                        100),
                argumentSet(
                        "callback data over 512",
                        "{'messaging_product':'whatsapp','to':'573001234567','type':'text','text':{'body':'x'},'biz_opaque_callback_data':'"
                                + "c".repeat(513) + "'}",
                        131009),
                argumentSet(
                        "context without message id",
                        "{'messaging_product':'whatsapp','to':'573001234567','context':{},'type':'text','text':{'body':'x'}}",
                        131008),
                argumentSet(
                        "context on a reaction",
                        "{'messaging_product':'whatsapp','to':'573001234567','context':{'message_id':'wamid.A'},'type':'reaction','reaction':{'message_id':'wamid.A','emoji':'👍'}}",
                        131009),
                // text
                argumentSet("text body missing", send("text", "{}"), 131008),
                argumentSet("text body empty", send("text", "{'body':''}"), 131008),
                argumentSet("text body over 4096", send("text", "{'body':'" + "a".repeat(4097) + "'}"), 131009),
                argumentSet("text body not a string", send("text", "{'body':42}"), 131009),
                argumentSet("preview_url not boolean", send("text", "{'body':'x','preview_url':'yes'}"), 131009),
                argumentSet("unknown key in text", send("text", "{'body':'x','bold':true}"), 100),
                // reply buttons
                argumentSet(
                        "interactive type missing", send("interactive", "{'body':{'text':'x'},'action':{}}"), 131008),
                argumentSet(
                        "interactive type not simulated",
                        send("interactive", "{'type':'product','body':{'text':'x'},'action':{}}"),
                        131009),
                argumentSet("no buttons", buttons(""), 131009),
                argumentSet(
                        "four buttons",
                        buttons(
                                BUTTON
                                        + ",{'type':'reply','reply':{'id':'b','title':'B'}},{'type':'reply','reply':{'id':'c','title':'C'}},{'type':'reply','reply':{'id':'d','title':'D'}}"),
                        131009),
                argumentSet(
                        "button title over 20",
                        buttons("{'type':'reply','reply':{'id':'a','title':'" + "t".repeat(21) + "'}}"),
                        131009),
                argumentSet("button title missing", buttons("{'type':'reply','reply':{'id':'a'}}"), 131008),
                argumentSet(
                        "button id over 256",
                        buttons("{'type':'reply','reply':{'id':'" + "i".repeat(257) + "','title':'A'}}"),
                        131009),
                argumentSet(
                        "duplicate button ids",
                        buttons(BUTTON + ",{'type':'reply','reply':{'id':'order:8841:confirm','title':'Otro'}}"),
                        131009),
                argumentSet(
                        "duplicate button titles",
                        buttons(BUTTON + ",{'type':'reply','reply':{'id':'other','title':'Confirmar'}}"),
                        131009),
                argumentSet("button type not reply", buttons("{'type':'url','reply':{'id':'a','title':'A'}}"), 131009),
                argumentSet("button body missing", buttonMessage(""), 131008),
                argumentSet(
                        "button body over 1024", buttonMessage("'body':{'text':'" + "b".repeat(1025) + "'},"), 131009),
                argumentSet(
                        "footer over 60",
                        buttonMessage("'body':{'text':'x'},'footer':{'text':'" + "f".repeat(61) + "'},"),
                        131009),
                argumentSet(
                        "header text over 60",
                        buttonMessage("'header':{'type':'text','text':'" + "h".repeat(61) + "'},'body':{'text':'x'},"),
                        131009),
                argumentSet(
                        "header of unknown type",
                        buttonMessage(
                                "'header':{'type':'sticker','sticker':{'link':'https://a.b/s.webp'}},'body':{'text':'x'},"),
                        131009),
                argumentSet(
                        "header image with unknown id",
                        buttonMessage("'header':{'type':'image','image':{'id':'999'}},'body':{'text':'x'},"),
                        131053),
                argumentSet(
                        "header image with a caption",
                        buttonMessage(
                                "'header':{'type':'image','image':{'link':'https://a.b/c.png','caption':'x'}},'body':{'text':'x'},"),
                        100),
                // list
                argumentSet(
                        "list label over 20",
                        list("b".repeat(21), "{'title':'Pizza','rows':[" + row("a") + "]}"),
                        131009),
                argumentSet(
                        "list label missing",
                        send(
                                "interactive",
                                "{'type':'list','body':{'text':'x'},'action':{'sections':[{'title':'P','rows':["
                                        + row("a") + "]}]}}"),
                        131008),
                argumentSet("list without sections", list("Ver", ""), 131009),
                argumentSet(
                        "list with 11 sections",
                        list(
                                "Ver",
                                String.join(
                                        ",",
                                        java.util.Collections.nCopies(11, "{'title':'S','rows':[" + row("r") + "]}"))),
                        131009),
                argumentSet(
                        "list with 11 rows in total",
                        list(
                                "Ver",
                                "{'title':'A','rows':[" + rows(6, "a") + "]},{'title':'B','rows':[" + rows(5, "b")
                                        + "]}"),
                        131009),
                argumentSet("section without rows", list("Ver", "{'title':'A','rows':[]}"), 131009),
                argumentSet(
                        "section title missing when there are several sections",
                        list("Ver", "{'title':'A','rows':[" + row("a") + "]},{'rows':[" + row("b") + "]}"),
                        131008),
                argumentSet(
                        "section title over 24",
                        list("Ver", "{'title':'" + "s".repeat(25) + "','rows':[" + row("a") + "]}"),
                        131009),
                argumentSet(
                        "row id over 200", list("Ver", "{'title':'A','rows':[" + row("i".repeat(201)) + "]}"), 131009),
                argumentSet(
                        "row title over 24",
                        list("Ver", "{'title':'A','rows':[{'id':'a','title':'" + "t".repeat(25) + "'}]}"),
                        131009),
                argumentSet(
                        "row description over 72",
                        list(
                                "Ver",
                                "{'title':'A','rows':[{'id':'a','title':'A','description':'" + "d".repeat(73) + "'}]}"),
                        131009),
                argumentSet(
                        "duplicate row ids across sections",
                        list("Ver", "{'title':'A','rows':[" + row("x") + "]},{'title':'B','rows':[" + row("x") + "]}"),
                        131009),
                argumentSet(
                        "list with image header",
                        send(
                                "interactive",
                                "{'type':'list','header':{'type':'image','image':{'link':'https://a.b/c.png'}},'body':{'text':'x'},'action':{'button':'Ver','sections':[{'title':'A','rows':["
                                        + row("a") + "]}]}}"),
                        131009),
                argumentSet(
                        "list body over 4096",
                        send(
                                "interactive",
                                "{'type':'list','body':{'text':'" + "b".repeat(4097)
                                        + "'},'action':{'button':'Ver','sections':[{'title':'A','rows':[" + row("a")
                                        + "]}]}}"),
                        131009),
                // cta_url
                argumentSet(
                        "cta display text over 20",
                        cta("{'name':'cta_url','parameters':{'display_text':'" + "d".repeat(21)
                                + "','url':'https://wpfoods.example'}}"),
                        131009),
                argumentSet(
                        "cta url not http",
                        cta("{'name':'cta_url','parameters':{'display_text':'Ver','url':'javascript:alert(1)'}}"),
                        131009),
                argumentSet("cta url missing", cta("{'name':'cta_url','parameters':{'display_text':'Ver'}}"), 131008),
                argumentSet(
                        "cta action name wrong",
                        cta("{'name':'open','parameters':{'display_text':'Ver','url':'https://wpfoods.example'}}"),
                        131009),
                argumentSet(
                        "cta header image by id",
                        send(
                                "interactive",
                                "{'type':'cta_url','header':{'type':'image','image':{'id':'" + IMAGE_ID
                                        + "'}},'body':{'text':'x'},'action':{'name':'cta_url','parameters':{'display_text':'Ver','url':'https://wpfoods.example'}}}"),
                        131009),
                // location request
                argumentSet(
                        "location request action wrong",
                        send(
                                "interactive",
                                "{'type':'location_request_message','body':{'text':'x'},'action':{'name':'send_address'}}"),
                        131009),
                argumentSet(
                        "location request with header",
                        send(
                                "interactive",
                                "{'type':'location_request_message','header':{'type':'text','text':'x'},'body':{'text':'x'},'action':{'name':'send_location'}}"),
                        131009),
                argumentSet(
                        "location request body over 1024",
                        send(
                                "interactive",
                                "{'type':'location_request_message','body':{'text':'" + "b".repeat(1025)
                                        + "'},'action':{'name':'send_location'}}"),
                        131009),
                // location
                argumentSet("latitude missing", send("location", "{'longitude':-74.06}"), 131008),
                argumentSet("latitude out of range", send("location", "{'latitude':91,'longitude':-74.06}"), 131009),
                argumentSet(
                        "longitude out of range", send("location", "{'latitude':4.6,'longitude':'-180.5'}"), 131009),
                argumentSet(
                        "latitude not numeric", send("location", "{'latitude':'norte','longitude':-74.06}"), 131009),
                // media
                argumentSet(
                        "media with id and link",
                        send("image", "{'id':'" + IMAGE_ID + "','link':'https://a.b/c.png'}"),
                        131009),
                argumentSet("media with neither id nor link", send("image", "{'caption':'x'}"), 131008),
                argumentSet("media id unknown", send("image", "{'id':'42'}"), 131053),
                argumentSet("media id of the wrong kind", send("image", "{'id':'" + AUDIO_ID + "'}"), 131053),
                argumentSet("media link not http", send("image", "{'link':'ftp://wpfoods.example/a.png'}"), 131009),
                argumentSet(
                        "caption over 1024",
                        send("image", "{'link':'https://a.b/c.png','caption':'" + "c".repeat(1025) + "'}"),
                        131009),
                argumentSet("caption on audio", send("audio", "{'id':'" + AUDIO_ID + "','caption':'x'}"), 100),
                argumentSet("caption on sticker", send("sticker", "{'link':'https://a.b/s.webp','caption':'x'}"), 100),
                argumentSet("filename on image", send("image", "{'link':'https://a.b/c.png','filename':'c.png'}"), 100),
                argumentSet("voice not boolean", send("audio", "{'id':'" + AUDIO_ID + "','voice':'yes'}"), 131009),
                // reaction
                argumentSet("reaction without message id", send("reaction", "{'emoji':'👍'}"), 131008),
                argumentSet("reaction without emoji", send("reaction", "{'message_id':'wamid.A'}"), 131008),
                argumentSet("reaction with words", send("reaction", "{'message_id':'wamid.A','emoji':'ok'}"), 131009),
                // contacts
                argumentSet(
                        "contacts as a string that is not JSON",
                        "{'messaging_product':'whatsapp','to':'573001234567','type':'contacts','contacts':'Andrés'}",
                        100),
                argumentSet(
                        "contacts as a JSON-encoded string without a name",
                        "{'messaging_product':'whatsapp','to':'573001234567','type':'contacts','contacts':'[{\\'phones\\':[]}]'}",
                        131008),
                argumentSet(
                        "contacts empty",
                        "{'messaging_product':'whatsapp','to':'573001234567','type':'contacts','contacts':[]}",
                        131009),
                argumentSet(
                        "contact without name",
                        "{'messaging_product':'whatsapp','to':'573001234567','type':'contacts','contacts':[{'phones':[]}]}",
                        131008),
                // template
                argumentSet("template unknown", template("promo_2x1", "es", ""), 132001),
                argumentSet(
                        "template in a language it lacks",
                        template("pedido_en_camino", "es_CO", ORDER_HEADER + "," + ORDER_BODY + "," + ORDER_URL_BUTTON),
                        132001),
                argumentSet("template name missing", send("template", "{'language':{'code':'es'}}"), 131008),
                argumentSet("template language missing", send("template", "{'name':'pedido_en_camino'}"), 131008),
                argumentSet(
                        "template language policy unknown",
                        send(
                                "template",
                                "{'name':'texto_libre','language':{'code':'es','policy':'fallback'},'components':[{'type':'body','parameters':[{'type':'text','text':'x'}]}]}"),
                        131009),
                argumentSet(
                        "template body parameter missing",
                        template(
                                "pedido_en_camino",
                                "es",
                                ORDER_HEADER + ",{'type':'body','parameters':[{'type':'text','text':'Camila'}]},"
                                        + ORDER_URL_BUTTON),
                        132000),
                argumentSet(
                        "template body component missing",
                        template("pedido_en_camino", "es", ORDER_HEADER + "," + ORDER_URL_BUTTON),
                        132000),
                argumentSet(
                        "template header parameter missing",
                        template("pedido_en_camino", "es", ORDER_BODY + "," + ORDER_URL_BUTTON),
                        132000),
                argumentSet(
                        "template dynamic url without parameter",
                        template("pedido_en_camino", "es", ORDER_HEADER + "," + ORDER_BODY),
                        132000),
                argumentSet(
                        "template header text for an image header",
                        template(
                                "pedido_en_camino",
                                "es",
                                "{'type':'header','parameters':[{'type':'text','text':'x'}]}," + ORDER_BODY + ","
                                        + ORDER_URL_BUTTON),
                        132012),
                argumentSet(
                        "template body image parameter",
                        template(
                                "texto_libre",
                                "es",
                                "{'type':'body','parameters':[{'type':'image','image':{'link':'https://a.b/c.png'}}]}"),
                        132012),
                argumentSet(
                        "template named parameter missing its name",
                        template(
                                "recordatorio_pago",
                                "es",
                                "{'type':'body','parameters':[{'type':'text','text':'Camila'},{'type':'text','text':'$1'}]}"),
                        132012),
                argumentSet(
                        "template positional parameter with a name",
                        template(
                                "texto_libre",
                                "es",
                                "{'type':'body','parameters':[{'type':'text','parameter_name':'x','text':'hola'}]}"),
                        132012),
                argumentSet(
                        "template quick reply with text parameter",
                        template(
                                "pedido_en_camino",
                                "es",
                                ORDER_HEADER + "," + ORDER_BODY + "," + ORDER_URL_BUTTON
                                        + ",{'type':'button','sub_type':'quick_reply','index':'0','parameters':[{'type':'text','text':'x'}]}"),
                        132012),
                argumentSet(
                        "template button sub type of another button",
                        template(
                                "pedido_en_camino",
                                "es",
                                ORDER_HEADER + "," + ORDER_BODY
                                        + ",{'type':'button','sub_type':'quick_reply','index':'1','parameters':[{'type':'payload','payload':'x'}]}"),
                        132012),
                argumentSet(
                        "template button index out of range",
                        template(
                                "pedido_en_camino",
                                "es",
                                ORDER_HEADER + "," + ORDER_BODY + "," + ORDER_URL_BUTTON
                                        + ",{'type':'button','sub_type':'quick_reply','index':'5','parameters':[{'type':'payload','payload':'x'}]}"),
                        131009),
                argumentSet(
                        "template currency without amount",
                        template(
                                "texto_libre",
                                "es",
                                "{'type':'body','parameters':[{'type':'currency','currency':{'fallback_value':'$1','code':'COP'}}]}"),
                        131008),
                argumentSet(
                        "template currency code not ISO",
                        template(
                                "texto_libre",
                                "es",
                                "{'type':'body','parameters':[{'type':'currency','currency':{'fallback_value':'$1','code':'pesos','amount_1000':1000}}]}"),
                        131009),
                argumentSet(
                        "template component type unknown",
                        template("texto_libre", "es", "{'type':'footer','parameters':[]}"),
                        131009),
                argumentSet(
                        "template hydrated body over 1024",
                        template(
                                "texto_libre",
                                "es",
                                "{'type':'body','parameters':[{'type':'text','text':'" + "x".repeat(1025) + "'}]}"),
                        132005),
                // mark as read / typing
                argumentSet(
                        "mark read with another status",
                        "{'messaging_product':'whatsapp','status':'delivered','message_id':'wamid.IN1'}",
                        131009),
                argumentSet("mark read without message id", "{'messaging_product':'whatsapp','status':'read'}", 131008),
                argumentSet(
                        "typing indicator of another type",
                        "{'messaging_product':'whatsapp','status':'read','message_id':'wamid.IN1','typing_indicator':{'type':'audio'}}",
                        131009),
                argumentSet(
                        "mark read with extra key",
                        "{'messaging_product':'whatsapp','status':'read','message_id':'wamid.IN1','to':'573001234567'}",
                        100));
    }

    @ParameterizedTest
    @MethodSource("invalidSends")
    void rejects_invalid_sends_with_metas_code(String body, int code) {
        rejected(body, code);
    }

    @Test
    void normalises_the_recipient_to_a_wa_id_and_keeps_the_input() {
        var message = (OutboundMessage) validate(
                "{'messaging_product':'whatsapp','to':'+57 (300) 123-4567','type':'text','text':{'body':'hola'}}");

        assertThat(message.input()).isEqualTo("+57 (300) 123-4567");
        assertThat(message.waId()).isEqualTo("573001234567");
        assertThat(message.type()).isEqualTo("text");
    }

    @Test
    void renders_a_template_with_its_parameters_and_buttons() {
        var message = (OutboundMessage)
                validate(
                        template(
                                "pedido_en_camino",
                                "es",
                                ORDER_HEADER + "," + ORDER_BODY + "," + ORDER_URL_BUTTON
                                        + ",{'type':'button','sub_type':'quick_reply','index':'0','parameters':[{'type':'payload','payload':'order:8841:help'}]}"));

        assertThat(message.template().body()).isEqualTo("Hola Camila, tu pedido #8841 va en camino. Total: $88.500.");
        assertThat(message.template().category()).isEqualTo("UTILITY");
        assertThat(message.template().buttons())
                .extracting(TemplateValidator.RenderedButton::payload, TemplateValidator.RenderedButton::url)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("order:8841:help", null),
                        org.assertj.core.groups.Tuple.tuple(null, "https://wpfoods.example/t/8841"));
    }

    @Test
    void reads_mark_as_read_and_typing_indicator() {
        assertThat(validate("{'messaging_product':'whatsapp','status':'read','message_id':'wamid.IN1'}"))
                .isEqualTo(new MarkAsRead("wamid.IN1", false));
        assertThat(
                        validate(
                                "{'messaging_product':'whatsapp','status':'read','message_id':'wamid.IN1','typing_indicator':{'type':'text'}}"))
                .isEqualTo(new MarkAsRead("wamid.IN1", true));
    }
}
