package org.modernxmpp.portability.remote;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.modernxmpp.portability.pie.model.Namespaces;

/**
 * A configuration form as the owner's server shows it, turned into what XEP-0227 keeps and a server applies: a form
 * of type submit with each field's var and values, without labels, options, instructions or fixed fields.
 */
final class SubmittedForm {

    private SubmittedForm() {
    }

    static Element of(Element form) {
        Element submit = DocumentHelper.createElement(QName.get("x", Namespaces.DATA_FORMS)).addAttribute("type", "submit");
        for (Element field : form.elements(QName.get("field", Namespaces.DATA_FORMS))) {
            String var = field.attributeValue("var");
            if (var == null || "fixed".equals(field.attributeValue("type"))) {
                continue;
            }
            Element copy = submit.addElement(QName.get("field", Namespaces.DATA_FORMS)).addAttribute("var", var);
            if ("hidden".equals(field.attributeValue("type"))) {
                copy.addAttribute("type", "hidden");
            }
            for (Element value : field.elements(QName.get("value", Namespaces.DATA_FORMS))) {
                copy.addElement(QName.get("value", Namespaces.DATA_FORMS)).setText(value.getText());
            }
        }
        return submit;
    }
}
