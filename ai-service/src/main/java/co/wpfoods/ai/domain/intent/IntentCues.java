package co.wpfoods.ai.domain.intent;

import co.wpfoods.ai.domain.Intent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The words and phrases that signal each intent, with weights, in normalized form (no accents, chat spellings
 * expanded). "word*" matches any word starting with "word". Kept as data so they can be read and reviewed in one
 * place.
 */
public final class IntentCues {

    /** One cue: a compiled phrase pattern and its weight. */
    public record Cue(String phrase, Pattern pattern, double weight) {}

    private static final Map<Intent, List<Cue>> CUES = new EnumMap<>(Intent.class);

    static {
        cues(
                Intent.GREET,
                1.0,
                "hola",
                "buenas",
                "buenos dias",
                "buenas tardes",
                "buenas noches",
                "buen dia",
                "hello",
                "hi",
                "hey",
                "quiubo",
                "que mas",
                "que hubo",
                "saludos",
                "good morning",
                "good evening",
                "good afternoon",
                "ole",
                "alo");
        cues(
                Intent.THANKS,
                2.0,
                "gracias",
                "thanks",
                "thank you",
                "agradezco",
                "muy amable*",
                "agradecid*",
                "thank*",
                "muchas gracias:3",
                "gracias por todo:3");
        cues(
                Intent.HELP,
                2.0,
                "ayuda",
                "ayudame",
                "ayudeme",
                "help",
                "como funciona",
                "no entiendo",
                "asesor",
                "humano",
                "persona",
                "agente",
                "operador",
                "soporte",
                "support",
                "hablar con",
                "duda",
                "problema:1.5",
                "how does this work",
                "no se como:3",
                "como pido:3",
                "como pedir:3",
                "como hago:2",
                "talk to:2",
                "speak to:2",
                "human:2",
                "alguien:1",
                "no se como:3",
                "como pido:3",
                "como pedir:3",
                "como hago:2");

        cues(
                Intent.BROWSE,
                2.0,
                "menu:3",
                "carta:3",
                "que tienen:2.5",
                "que venden:2.5",
                "que hay:2.5",
                "restaurante*:3",
                "abierto*",
                "opciones",
                "what do you have:3",
                "what is open:3",
                "open",
                "recomienda*:3",
                "recomiendame:3",
                "recommend*:3",
                "catalogo:3",
                "muestrame",
                "show me",
                "que pizzas:3",
                "que hay de:2",
                "que tienen de:2",
                "sugerencia*:3");
        cues(
                Intent.SEARCH,
                2.0,
                "tienen",
                "tiene",
                "hay",
                "venden",
                "vende",
                "busco:3",
                "buscar:3",
                "donde venden:3",
                "do you have:3",
                "have any",
                "cuanto vale:3",
                "cuanto cuesta:3",
                "cuanto valen:3",
                "precio:1.5",
                "que trae:3",
                "que tiene el:3",
                "is there",
                "looking for:3",
                "algo:0.5",
                "sin gluten:1");
        cues(
                Intent.ADD_TO_CART,
                1.5,
                "quiero",
                "quisiera",
                "queria",
                "regala*",
                "dame",
                "deme",
                "mandame",
                "manda",
                "pideme",
                "pedir",
                "agrega*",
                "anade",
                "anadir",
                "ponme",
                "pon",
                "sumale",
                "add:2",
                "i want",
                "i d like",
                "i would like",
                "give me",
                "get me",
                "antoje",
                "tambien:1",
                "traeme",
                "me trae*",
                "para llevar:1");
        cues(
                Intent.REMOVE_FROM_CART,
                3.0,
                "quita*",
                "saca*",
                "elimina",
                "eliminar el*",
                "eliminar la*",
                "borra",
                "remove",
                "take out",
                "ya no quiero:2",
                "sin las:2",
                "sin los:2",
                "sin el:2",
                "sin la:2",
                "no quiero el:2",
                "no quiero la:2",
                "mejor no:1");
        cues(
                Intent.VIEW_CART,
                3.0,
                "carrito",
                "cart",
                "que llevo",
                "que tengo",
                "cuanto va",
                "cuanto llevo",
                "mi cuenta",
                "la cuenta",
                "resumen",
                "total:2",
                "cuanto es:1.5",
                "que pedi");
        cues(
                Intent.CHECKOUT,
                3.0,
                "eso es todo:4",
                "eso seria todo:4",
                "seria todo:4",
                "nada mas:4",
                "es todo:3",
                "listo para pagar:4",
                "para pagar:3",
                "pagar:1",
                "finalizar",
                "terminar",
                "checkout",
                "that is all:4",
                "that is it:4",
                "proceed",
                "hacer el pedido:4",
                "enviar pedido",
                "cerrar pedido",
                "cerrar la orden",
                "ya esta:1",
                "es todo gracias:4",
                "pedido ya:1",
                "lo pido:3",
                "terminamos:3",
                "finalizamos:3",
                "finalizar pedido:4");
        cues(
                Intent.CONFIRM,
                2.0,
                "si",
                "confirmo:3",
                "confirmar:3",
                "confirm:3",
                "dale",
                "de una",
                "listo:1.5",
                "ok",
                "perfecto",
                "correcto",
                "yes",
                "sure",
                "va:1.5",
                "hagale",
                "claro",
                "exacto",
                "asi esta bien:3",
                "esta bien",
                "confirmado:3");
        cues(
                Intent.CANCEL,
                3.0,
                "cancela*",
                "cancel*",
                "anul*",
                "olvidalo",
                "forget it",
                "no quiero nada:4",
                "ya no quiero:2",
                "no lo quiero:2");
        cues(
                Intent.TRACK,
                3.0,
                "donde esta",
                "donde va",
                "donde viene",
                "cuanto falta",
                "demora:2",
                "se demora",
                "ya viene",
                "viene:1.5",
                "ya salio",
                "salio:2",
                "estado",
                "rastrear",
                "seguimiento",
                "where is",
                "track*",
                "eta",
                "how long",
                "llega:2",
                "llegando",
                "el domicilio:1.5",
                "mi pedido:1",
                "mi orden:1",
                "arrive*:2",
                "el domicilio:1.5",
                "ya casi:1.5",
                "where s my:3",
                "wheres my:3",
                "when will:2",
                "no ha llegado:3",
                "aun no llega:3",
                "todavia no llega:3",
                "no ha venido:3",
                "a que hora llega:3");
        cues(
                Intent.PAY_QUESTION,
                3.0,
                "pago",
                "pagar:1.5",
                "nequi",
                "daviplata",
                "tarjeta",
                "efectivo",
                "datafono",
                "pse",
                "contraentrega",
                "contra entrega",
                "cash",
                "card",
                "transferencia",
                "medios de pago",
                "formas de pago",
                "pay*",
                "credito",
                "debito",
                "aceptan:1.5",
                "reciben:1.5");
        cues(
                Intent.COMPLAINT,
                3.5,
                "llego frio:4",
                "llego fria:4",
                "frio:1",
                "fria:1",
                "mal",
                "malo",
                "pesimo",
                "horrible",
                "queja",
                "reclamo",
                "incomplet*",
                "falt*:2.5",
                "no llego",
                "nunca llego",
                "equivocad*",
                "cobraron",
                "cobro",
                "cold:2",
                "wrong",
                "missing",
                "terrible",
                "complaint",
                "refund",
                "reembolso",
                "devuelvan",
                "devolucion",
                "asco",
                "crud*:2.5",
                "demoraron",
                "otra cosa:2.5",
                "arrived cold:4");
        cues(
                Intent.OPT_OUT,
                4.0,
                "no me escriban",
                "no escriban",
                "dejar de recibir",
                "stop",
                "unsubscribe",
                "darme de baja",
                "de baja",
                "no molesten",
                "no mas mensajes",
                "no me manden",
                "no me envien",
                "recibir mas mensajes",
                "mas mensajes",
                "recibir mensajes",
                "no mas promociones");
        cues(
                Intent.DELETE_DATA,
                5.0,
                "mis datos",
                "eliminar mi cuenta",
                "borrar mi cuenta",
                "delete my data",
                "my data",
                "habeas data",
                "1581",
                "mi informacion",
                "datos personales",
                "delete my account");
        cues(
                Intent.REORDER,
                4.0,
                "lo mismo de siempre:5",
                "lo de siempre:5",
                "lo mismo",
                "repetir",
                "repite",
                "otra vez lo mismo",
                "same as last time:5",
                "same again",
                "reorder",
                "ultimo pedido",
                "la vez pasada",
                "pedir de nuevo",
                "same as");

        cues(
                Intent.ORDER_ACCEPT,
                2.5,
                "acepto",
                "aceptar",
                "aceptado",
                "aceptamos",
                "recibido",
                "lo recibimos",
                "recibimos",
                "tomamos",
                "lo tomamos",
                "accept*",
                "confirmado",
                "lo hacemos",
                "va:1.5",
                "dale:2",
                "ok:1.5",
                "si:1.5");
        cues(
                Intent.ORDER_REJECT,
                3.5,
                "rechaz*",
                "reject*",
                "decline",
                "no podemos",
                "no alcanzamos",
                "no lo podemos",
                "sin gas:2",
                "no se puede:2.5");
        cues(
                Intent.ORDER_READY,
                3.0,
                "listo:2",
                "esta listo",
                "ya esta listo",
                "listo para recoger:4",
                "para recoger",
                "ready",
                "puede pasar",
                "salio de cocina",
                "empacado",
                "despachar",
                "pa recoger",
                "ya salio:2.5",
                "despachado:3",
                "pueden recoger:3",
                "listo para entregar:4");
        cues(
                Intent.ITEM_OFF,
                3.0,
                "se acabo",
                "se acabaron",
                "se nos acabo",
                "se nos acabaron",
                "agotad*",
                "no hay",
                "no tenemos:2.5",
                "desactiva*",
                "apaga*",
                "apaguen",
                "sold out",
                "out of stock",
                "quitar del menu",
                "86");
        cues(
                Intent.ITEM_ON,
                3.0,
                "ya hay",
                "volvio",
                "volvimos a tener",
                "activa*",
                "habilita*",
                "disponible",
                "ya tenemos",
                "back in stock",
                "available",
                "prende*",
                "prender",
                "ya llego");
        cues(
                Intent.PRICE_CHANGE,
                3.0,
                "precio",
                "vale ahora",
                "ahora vale",
                "cambiar precio",
                "nuevo precio",
                "subir",
                "bajar",
                "price",
                "cuesta",
                "ahora a:2");
        cues(
                Intent.PAUSE,
                3.0,
                "cerramos",
                "cerrar",
                "cierren",
                "cerrado",
                "pausa*",
                "pause*",
                "no recibimos",
                "estamos llenos",
                "close*",
                "stop orders");
        cues(
                Intent.RESUME,
                3.0,
                "abrimos",
                "abrir",
                "abierto*",
                "reanuda*",
                "volvemos",
                "open",
                "resume",
                "recibiendo pedidos",
                "de nuevo:1");
        cues(
                Intent.SALES,
                4.0,
                "venta*",
                "vendimos",
                "vendido",
                "sales",
                "reporte",
                "cierre de caja",
                "ingresos",
                "cuanto hicimos",
                "cuanto llevamos");

        cues(
                Intent.GO_ONLINE,
                3.0,
                "conectado",
                "conecto",
                "conectarme",
                "me conecto",
                "disponible",
                "activo",
                "en linea",
                "arranco",
                "empiezo",
                "comenzar",
                "turno:1",
                "online",
                "start",
                "listo para trabajar:4",
                "trabajar:2",
                "inicio turno");
        cues(
                Intent.GO_OFFLINE,
                3.0,
                "desconect*",
                "me voy",
                "fin de turno:4",
                "termino",
                "ya no mas",
                "offline:4",
                "descansar",
                "end shift",
                "hasta manana",
                "me retiro");
        cues(
                Intent.OFFER_ACCEPT,
                2.5,
                "acepto",
                "aceptar",
                "tomo",
                "lo tomo",
                "voy:2",
                "dale",
                "me lo llevo",
                "accept",
                "yes",
                "si:2",
                "de una",
                "voy para alla:3",
                "ok:2");
        cues(
                Intent.OFFER_DECLINE,
                3.0,
                "no puedo",
                "rechaz*",
                "paso",
                "no voy",
                "decline",
                "no:2",
                "lejos",
                "no gracias");
        cues(
                Intent.PICKED_UP,
                3.0,
                "recogido",
                "recogi",
                "ya lo tengo",
                "tengo el pedido",
                "en camino",
                "salgo",
                "picked up:4",
                "got it",
                "recogiendo:1");
        cues(Intent.DELIVERED, 3.5, "entregado", "entregue", "entrega*", "delivered", "pin:2", "codigo:1.5");
        cues(
                Intent.EARNINGS,
                3.5,
                "gane",
                "ganancia*",
                "cuanto llevo",
                "me van a pagar",
                "pagar:1.5",
                "pago:1.5",
                "earnings",
                "make today",
                "liquidacion",
                "me deben",
                "how much did i make",
                "cuanto me");
    }

    private IntentCues() {}

    /** The cues of an intent (empty for {@link Intent#UNKNOWN}). */
    public static List<Cue> of(Intent intent) {
        return CUES.getOrDefault(intent, List.of());
    }

    /** Every word used in a cue, for spelling correction. */
    public static Set<String> vocabulary() {
        Set<String> words = new TreeSet<>();
        CUES.values()
                .forEach(list -> list.forEach(c -> {
                    for (String w : c.phrase().split(" ")) {
                        words.add(w.replace("*", ""));
                    }
                }));
        return words;
    }

    private static void cues(Intent intent, double defaultWeight, String... specs) {
        List<Cue> list = new ArrayList<>();
        for (String spec : specs) {
            int colon = spec.lastIndexOf(':');
            String phrase = colon > 0 ? spec.substring(0, colon) : spec;
            double weight = colon > 0 ? Double.parseDouble(spec.substring(colon + 1)) : defaultWeight;
            StringBuilder re = new StringBuilder("(?<![a-z0-9])");
            String[] words = phrase.split(" ");
            for (int i = 0; i < words.length; i++) {
                if (i > 0) {
                    re.append(' ');
                }
                String w = words[i];
                re.append(Pattern.quote(w.replace("*", "")));
                if (w.endsWith("*")) {
                    re.append("[a-z0-9]*");
                }
            }
            re.append("(?![a-z0-9])");
            list.add(new Cue(phrase, Pattern.compile(re.toString()), weight));
        }
        CUES.put(intent, List.copyOf(list));
    }
}
