/**
 * Questions as citizens type them, none copied from the bank: informal Thai with particles and without
 * spaces, English with typos and without punctuation. Shared by the matcher tests.
 *
 * TUNING was used to choose the synonyms, stop words, scoring and thresholds; every outcome in it is pinned.
 * HELD_OUT was written after tuning had finished and was never tuned on: the tests hold it to a hit-rate
 * floor instead, so that it keeps measuring what a new citizen's question gets.
 */
import type { FaqLang } from '../../../lib/faq/types';

/** What a paraphrase must get: its entry outright, its entry among the offered three, or no wrong answer. */
export type Expectation = 'confident' | 'weak' | 'unanswered';

export interface Paraphrase {
  id: string;
  lang: FaqLang;
  text: string;
  expect: Expectation;
  /** Why a paraphrase is not answered outright. */
  why?: string;
}

interface Known {
  text: string;
  expect: Expectation;
  why: string;
}

function weak(text: string, why: string): Known {
  return { text, expect: 'weak', why };
}

function unanswered(text: string, why: string): Known {
  return { text, expect: 'unanswered', why };
}

const TUNING: Record<string, Record<FaqLang, Array<string | Known>>> = {
  about: {
    th: ['ศูนย์ดำรงธรรมนี่คืออะไรเหรอคะ', 'ดำรงธรรมเป็นหน่วยงานของใครครับ', 'ดำรงธรรมทำอะไรบ้างคะ'],
    en: [
      unanswered('wat is the damrongdam centre', 'three-letter typos are not corrected, and "damrongdham" alone is in too many questions'),
      'who runs damrongdham',
      "what's the damrongdham center for",
    ],
  },
  services: {
    th: ['ศูนย์ดำรงธรรมรับเรื่องแบบไหนบ้างคะ', 'ร้องเรียนเรื่องไหนได้บ้างครับ', 'ศูนย์นี้รับเรื่องประเภทไหนบ้าง'],
    en: [
      'what kind of issues do you handle',
      'what problems can i complian about',
      'which problems can you help with',
    ],
  },
  hotline: {
    th: ['ขอเบอร์ศูนย์ดำรงธรรมหน่อยค่ะ', 'สายด่วนดำรงธรรมโทรเบอร์ไรครับ', 'เบอร์ติดต่อดำรงธรรม'],
    en: ['whats the hotline numbr', 'damrongdham phone number pls', 'what number should i ring for damrongdham'],
  },
  fees: {
    th: ['ร้องเรียนเสียตังค์มั้ยคะ', 'แจ้งเรื่องต้องจ่ายเงินไหมครับ', 'ร้องเรียนฟรีไหมคะ'],
    en: ['do i need to pay anything', 'is it free to complain', 'are there any charges for filing'],
  },
  hours: {
    th: ['ศูนย์ดำรงธรรมเปิดถึงกี่โมงคะ', 'วันเสาร์เปิดมั้ยครับ', 'ศูนย์ดำรงธรรมทำการกี่โมงถึงกี่โมง'],
    en: ['what time do you open', 'openning hours of the centre?', 'when does the office open and close'],
  },
  locations: {
    th: ['ศูนย์ดำรงธรรมตั้งอยู่ตรงไหนคะ', 'ดำรงธรรมใกล้บ้านอยู่ที่ไหนครับ', 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่อยู่ไหน'],
    en: [
      'where is the nearest damrongdham centre',
      'wheres the center in my provnce',
      'where is your office located',
    ],
  },
  channels: {
    th: [weak('จะร้องเรียนต้องทำไงบ้างคะ', 'only "ร้องเรียน" is left once "ทำไง" (how) goes, and most entries use it'), 'ช่องทางแจ้งเรื่องมีอะไรบ้างครับ', 'ร้องเรียนได้กี่วิธีคะ'],
    en: [
      weak('how to file complaint', 'only "complaint" is left once "how to" goes, and most entries use it'),
      'what ways can i make a complaint',
      'what are my options for submitting a complaint',
    ],
  },
  online: {
    th: ['แจ้งเรื่องผ่านเว็บได้มั้ยคะ', 'ร้องเรียนทางเน็ตได้ไหมครับ', 'ร้องเรียนผ่านเว็บไซต์ได้มั้ย'],
    en: ['can i file online', 'is there a website to complain', 'can i do it on the internet'],
  },
  letter: {
    th: ['ส่งจดหมายไปร้องเรียนได้มั้ยคะ', 'ร้องเรียนทางไปรษณีย์ส่งที่ไหนครับ', 'เขียนจดหมายร้องเรียนส่งไปได้ไหม'],
    en: ['can i mail my complaint', 'send complaint by leter', 'can i post a letter to you'],
  },
  'in-person': {
    th: [
      weak('ไปร้องเรียนเองที่ศูนย์ได้มั้ยคะ', '"ไปเอง" is split by "ร้องเรียน"; "ศูนย์" alone also fits the about entry'),
      'ไปยื่นเรื่องด้วยตัวเองได้ไหมครับ',
      'ไปที่ศาลากลางเพื่อร้องเรียนเองได้ไหม',
    ],
    en: ['can i come in person', 'can i walk in to the centre', 'can i visit the office to complain'],
  },
  documents: {
    th: ['ต้องเตรียมเอกสารอะไรไปบ้างคะ', 'ใช้สำเนาบัตรปชช.ด้วยไหมครับ', 'ต้องเอาอะไรไปบ้างตอนไปร้องเรียน'],
    en: ['what documants do i need to bring', 'do i need my id card', 'which papers should i prepare'],
  },
  'how-to-write': {
    th: [
      'เขียนคำร้องต้องใส่รายละเอียดอะไรบ้างคะ',
      'ร้องเรียนต้องให้ข้อมูลอะไรบ้างครับ',
      'ร้องเรียนต้องเขียนอะไรบ้าง',
    ],
    en: [
      'what details should i include in my complaint',
      'what information do i have to give',
      weak('what should i write in my complaint', '"write" is also how the letter entry asks'),
    ],
  },
  anonymous: {
    th: ['ร้องเรียนแบบไม่ระบุชื่อได้มั้ยคะ', 'แจ้งเบาะแสไม่บอกชื่อได้ไหมครับ', 'ไม่อยากเปิดเผยชื่อ แจ้งได้ไหม'],
    en: ['can i report anonymusly', 'can i complain without giving my name', "is it ok if i don't give my name"],
  },
  protection: {
    th: ['กลัวโดนแก้แค้นถ้าร้องเรียนค่ะ', 'ร้องเรียนแล้วจะปลอดภัยไหมครับ', 'กลัวโดนคนที่ถูกร้องเรียนตามรังควาน'],
    en: [
      "i'm scared of retaliation if i complain",
      'will i be safe after reporting',
      'what if they find out i complained',
    ],
  },
  privacy: {
    th: ['ข้อมูลส่วนตัวผมจะถูกเอาไปใช้ทำอะไรครับ', 'ข้อมูลส่วนบุคคลจะปลอดภัยไหมคะ', 'ข้อมูลของผมจะถูกส่งให้ใครบ้าง'],
    en: ['what do you do with my personal data', 'is my privacy protected', 'who gets my personal information'],
  },
  duration: {
    th: ['ร้องเรียนไปแล้วนานไหมกว่าจะได้เรื่องคะ', 'ใช้เวลากี่วันครับ', 'เรื่องจะเสร็จภายในกี่วัน'],
    en: ['how long will it take', 'how many days before my complaint is resolved', 'how long until i hear back'],
  },
  tracking: {
    th: [
      'อยากติดตามเรื่องที่ร้องเรียนไว้ค่ะ',
      'เช็คความคืบหน้าเรื่องร้องเรียนยังไงครับ',
      'ตรวจสอบสถานะเรื่องร้องเรียนได้ยังไง',
    ],
    en: ['how do i check my complaint status', 'follow up my complaint', 'can i track my complaint'],
  },
  unsatisfied: {
    th: [
      'ไม่พอใจผลการร้องเรียนค่ะ',
      'หน่วยงานแก้ปัญหาไม่ยุติธรรมทำไงดีครับ',
      'ผลการตรวจสอบไม่เป็นธรรม ขออุทธรณ์ได้ไหม',
    ],
    en: [
      'i am not satisfied with the result',
      'i want to appeal the decision',
      'i disagree with the outcome of my complaint',
    ],
  },
  withdraw: {
    th: ['อยากถอนเรื่องร้องเรียนค่ะ', 'ขอยกเลิกเรื่องที่แจ้งไว้ได้ไหมครับ', 'ไม่อยากร้องเรียนแล้ว ยกเลิกยังไง'],
    en: ['how do i withdraw a complaint', 'i want to cancel my complaint', 'please cancel my complaint'],
  },
  officials: {
    th: [
      'เจ้าหน้าที่เรียกเงินใต้โต๊ะค่ะ',
      'จะร้องเรียนข้าราชการที่ทุจริตครับ',
      weak('ตำรวจเรียกเงินใต้โต๊ะ', '"ตำรวจ" pulls towards the emergency numbers as much as the bribe towards officials'),
    ],
    en: [
      'an official asked me for a bribe',
      'report a currupt officer',
      weak('a civil servant demanded money from me', '"demanded money" is not in the bank; "civil servant" alone also fits the live-officer entry'),
    ],
  },
  'public-services': {
    th: ['ไปติดต่อราชการแล้วเรื่องล่าช้ามากค่ะ', 'หน่วยงานรัฐไม่ยอมรับเรื่องครับ', 'อำเภอทำเรื่องให้ช้ามาก'],
    en: [
      'the government office is very slow with my application',
      'the agency refused my request',
      'the district office keeps delaying my request',
    ],
  },
  'help-request': {
    th: [
      'ลำบากมากไม่มีเงินเลยค่ะ ขอความช่วยเหลือหน่อย',
      'ขอความช่วยเหลือได้ไหมครับ เดือดร้อนมาก',
      unanswered('ตกงานไม่มีเงินเลี้ยงลูก ขอความช่วยเหลือ', '"เลี้ยง" and "ลูก" are unknown and outweigh the two common help words'),
    ],
    en: ['i need help, i have no income', 'can you help my family, we are poor', 'my family needs assistance'],
  },
  drugs: {
    th: [
      'ข้างบ้านขายยาบ้าค่ะ',
      'อยากแจ้งเบาะแสยาเสพติดครับ',
      weak('มีวัยรุ่นเสพยาในซอย', '"วัยรุ่น" and "ซอย" are unknown words that dilute the message'),
    ],
    en: [
      'someone is selling drugs in my street',
      'report a drug dealer',
      weak('people are dealing meth near the school', '"people", "near" and "school" are unknown words that dilute the message'),
    ],
  },
  gambling: {
    th: ['แถวบ้านมีบ่อนพนันค่ะ', 'แจ้งเว็บพนันได้ที่ไหนครับ', 'มีคนเล่นไพ่พนันในหมู่บ้าน'],
    en: ['there is a casino near my house', 'report illegal gamblng', 'illegal betting in my village'],
  },
  influential: {
    th: ['มีมาเฟียมาเก็บค่าคุ้มครองค่ะ', 'โดนผู้มีอิทธิพลในพื้นที่ข่มขู่ครับ', 'เจ้าพ่อในพื้นที่ข่มขู่ชาวบ้าน'],
    en: [
      'a local mafia is threatening people',
      'gangsters want protection money',
      'a powerful local man is intimidating villagers',
    ],
  },
  land: {
    th: ['ข้างบ้านรุกล้ำที่ดินค่ะ', 'มีปัญหาเรื่องโฉนดที่ดินครับ', 'ที่ดินถูกบุกรุก'],
    en: ['my neighbor is trespassing on my land', 'land title problem', 'someone built on my land'],
  },
  'informal-debt': {
    th: ['เป็นหนี้นอกระบบค่ะ ช่วยด้วย', 'กู้เงินนอกระบบดอกโหดมากครับ', 'ติดหนี้นอกระบบ ดอกเบี้ยร้อยละ 20 ต่อเดือน'],
    en: ['i owe money to a loan shark', 'help with informal debt', 'i borrowed from an illegal lender'],
  },
  'debt-collection': {
    th: [
      'โดนทวงหนี้ขู่ทำร้ายค่ะ',
      'เจ้าหนี้ประจานในเฟสบุ๊คครับ',
      weak('เจ้าหนี้โทรมาขู่ทุกวัน', '"เจ้าหนี้" (creditor) belongs as much to informal debt as to debt collection'),
    ],
    en: [
      'debt collecter keeps threatening me',
      'the lender posted about me on facebook to shame me',
      'a collector threatened to hurt my family',
    ],
  },
  consumer: {
    th: ['โดนร้านค้าโกงค่ะ', 'ซื้อของไม่ตรงปก ร้านไม่คืนเงินครับ', 'ซื้อของออนไลน์แล้วไม่ได้ของ'],
    en: ['the shop cheated me', "seller won't give me a refund", 'i got scammed by a store'],
  },
  'ocpb-1166': {
    th: ['เบอร์ สคบ. คืออะไรคะ', 'ติดต่อ สคบ ยังไงครับ', 'สคบ โทรเบอร์อะไร'],
    en: ['ocpb phone number', 'consumer protection board hotline', 'how do i call the ocpb'],
  },
  utilities: {
    th: ['ไฟดับทั้งหมู่บ้านค่ะ', 'น้ำไม่ไหลมาสามวันแล้วครับ', 'ประปาไม่ไหลเลยค่ะ'],
    en: ['power outage in my area', 'no water for three days', 'the power keeps cutting out'],
  },
  roads: {
    th: [
      'ถนนหน้าบ้านเป็นหลุมค่ะ',
      'ถนนพังแจ้งที่ไหนครับ',
      unanswered('ถนนเป็นหลุมลึก รถล้มบ่อย', 'a description rather than a question: four unknown words against "ถนน" and "หลุม"'),
    ],
    en: ['there is a big pothole on my road', 'the road in my village is damaged', 'report a broken road'],
  },
  nuisance: {
    th: ['ข้างบ้านเปิดเพลงเสียงดังมากค่ะ', 'โรงงานส่งกลิ่นเหม็นครับ', 'โรงงานข้างบ้านเสียงดังรบกวนทั้งคืน'],
    en: ['my neighbour is too noisy at night', 'a factory stinks', 'loud noise from a bar every night'],
  },
  'out-of-scope': {
    th: ['คดีขึ้นศาลแล้วศูนย์ช่วยได้ไหมคะ', 'ทะเลาะเรื่องมรดกกับพี่น้องครับ', 'ศูนย์ช่วยเปลี่ยนคำพิพากษาศาลได้ไหม'],
    en: [
      'my case is in court, can you help',
      'inheritance dispute with my brother',
      weak('can you overturn a court decision', '"overturn" and "decision" are not in the bank: only "court" is understood'),
    ],
  },
  'legal-aid': {
    th: ['อยากได้ทนายฟรีค่ะ', 'ปรึกษากฎหมายได้ที่ไหนครับ', 'หาทนายฟรีได้ที่ไหน'],
    en: ['free lawyer', 'where to get legal advise', 'i need free legal help'],
  },
  emergency: {
    th: ['มีเหตุฉุกเฉินโทรเบอร์ไหนคะ', 'มีคนถูกทำร้ายต้องแจ้งตำรวจครับ', 'ไฟไหม้บ้าน!!'],
    en: ['emergency number', 'i need an ambulence', 'someone is hurt, call an ambulance'],
  },
  'pm-1111': {
    th: ['1111 คือเบอร์อะไรคะ', 'ร้องเรียนไปที่สำนักนายกได้ไหมครับ', 'ร้องเรียนถึงนายกได้ยังไง'],
    en: ['what is 1111', 'complain to the prime minister', 'how to contact the pm office hotline 1111'],
  },
  'dopa-1548': {
    th: ['บัตรประชาชนหายต้องทำไงคะ', '1548 เบอร์อะไรครับ', 'ย้ายทะเบียนบ้านต้องทำยังไง'],
    en: ['i lost my id card', 'dopa call center number', 'how do i register a birth'],
  },
  'live-officer': {
    th: ['ขอคุยกับแอดมินหน่อยค่ะ', 'อยากคุยกับคนจริงๆครับ', 'อยากพูดกับเจ้าหน้าที่ค่ะ'],
    en: ['let me talk to a human', 'i want a real person', 'can i chat with a real officer'],
  },
  'on-behalf': {
    th: ['ร้องเรียนแทนแม่ได้ไหมคะ', 'ยื่นเรื่องแทนญาติได้หรือเปล่าครับ', 'แจ้งเรื่องแทนเพื่อนบ้านได้ไหม'],
    en: ['can i file a complaint for my mother', 'can someone else submit for me', 'can my son file for me'],
  },
};

/** The tuning paraphrases, flattened, each with what it must get. */
export const PARAPHRASES: Paraphrase[] = Object.entries(TUNING).flatMap(([id, byLang]) =>
  (['th', 'en'] as const).flatMap((lang) =>
    byLang[lang].map((item) =>
      typeof item === 'string' ? { id, lang, text: item, expect: 'confident' as const } : { id, lang, ...item },
    ),
  ),
);

/** One more question per entry and language, written after tuning; see the file comment. */
export const HELD_OUT: Array<[id: string, lang: FaqLang, text: string]> = [
  ['about', 'th', 'ศูนย์ดำรงธรรม ของกระทรวงอะไรครับ'],
  ['about', 'en', 'tell me what damrongdham is'],
  ['services', 'th', 'ศูนย์ดำรงธรรมรับร้องเรียนเรื่องอะไรได้บ้างคะ'],
  ['services', 'en', 'what sort of complaints do you take'],
  ['hotline', 'th', 'โทร 1567 ได้ตลอดไหม'],
  ['hotline', 'en', 'number for the damrongdham hot line?'],
  ['fees', 'th', 'มีค่าธรรมเนียมไหมคะถ้าจะร้องเรียน'],
  ['fees', 'en', 'how much does it cost'],
  ['hours', 'th', 'วันอาทิตย์ศูนย์ดำรงธรรมเปิดไหมคะ'],
  ['hours', 'en', 'are you open on saturday'],
  ['locations', 'th', 'ศูนย์ดำรงธรรมอำเภออยู่ตรงไหนครับ'],
  ['locations', 'en', 'how do i find the damrongdham office'],
  ['channels', 'th', 'มีวิธีร้องเรียนแบบไหนบ้าง'],
  ['channels', 'en', 'in what ways can i lodge a complaint'],
  ['online', 'th', 'ร้องเรียนออนไลน์ยังไงคะ'],
  ['online', 'en', 'complain via the web'],
  ['letter', 'th', 'ส่งเรื่องทางไปรษณีย์ได้หรือเปล่าคะ'],
  ['letter', 'en', 'can i write a letter instead'],
  ['in-person', 'th', 'ไปร้องเรียนที่อำเภอด้วยตัวเองได้ไหม'],
  ['in-person', 'en', 'i want to go in person'],
  ['documents', 'th', 'ต้องใช้หลักฐานอะไรบ้างคะ'],
  ['documents', 'en', 'what evidence do you need from me'],
  ['how-to-write', 'th', 'คำร้องต้องมีรายละเอียดอะไร'],
  ['how-to-write', 'en', 'what facts should a complaint have'],
  ['anonymous', 'th', 'แจ้งแบบไม่ต้องบอกชื่อได้มั้ยครับ'],
  ['anonymous', 'en', 'can i stay anonymous'],
  ['protection', 'th', 'กลัวโดนข่มขู่ถ้าไปร้องเรียนค่ะ'],
  ['protection', 'en', 'will they take revenge on me'],
  ['privacy', 'th', 'ข้อมูลส่วนตัวของผู้ร้องจะถูกเก็บเป็นความลับไหม'],
  ['privacy', 'en', 'how do you use my data'],
  ['duration', 'th', 'ใช้เวลานานแค่ไหนกว่าจะได้รับคำตอบ'],
  ['duration', 'en', 'how much time does it take to fix'],
  ['tracking', 'th', 'อยากทราบความคืบหน้าเรื่องที่แจ้งไว้'],
  ['tracking', 'en', 'where can i see the status of my case'],
  ['unsatisfied', 'th', 'ไม่พอใจคำตอบของหน่วยงานค่ะ'],
  ['unsatisfied', 'en', 'the answer i got was unfair'],
  ['withdraw', 'th', 'ขอยุติเรื่องร้องเรียนค่ะ'],
  ['withdraw', 'en', 'can i take back my complaint'],
  ['officials', 'th', 'ข้าราชการรับสินบน ร้องเรียนได้ไหม'],
  ['officials', 'en', 'complaint against a corrupt official'],
  ['public-services', 'th', 'หน่วยงานราชการให้บริการแย่มาก'],
  ['public-services', 'en', 'bad service at a government agency'],
  ['help-request', 'th', 'ครอบครัวลำบากมาก ขอให้ช่วยเหลือหน่อยค่ะ'],
  ['help-request', 'en', 'we are struggling and need help'],
  ['drugs', 'th', 'แจ้งเบาะแสคนขายยาเสพติด'],
  ['drugs', 'en', 'there is a drug dealer in my neighborhood'],
  ['gambling', 'th', 'มีบ่อนในหมู่บ้านค่ะ'],
  ['gambling', 'en', 'underground lottery seller in my area'],
  ['influential', 'th', 'มีผู้มีอิทธิพลรีดไถ'],
  ['influential', 'en', 'mafia extortion in my town'],
  ['land', 'th', 'มีคนบุกรุกที่ดินของผม'],
  ['land', 'en', 'boundary dispute with neighbour'],
  ['informal-debt', 'th', 'เป็นหนี้เงินกู้นอกระบบ ทำยังไงดี'],
  ['informal-debt', 'en', 'loan shark charging huge interest'],
  ['debt-collection', 'th', 'โดนเจ้าหนี้ตามทวงหนี้ข่มขู่'],
  ['debt-collection', 'en', 'debt collectors harassing me'],
  ['consumer', 'th', 'ซื้อสินค้าแล้วได้ของชำรุด'],
  ['consumer', 'en', 'i bought something broken and the shop refuses to refund'],
  ['ocpb-1166', 'th', 'สายด่วนคุ้มครองผู้บริโภค'],
  ['ocpb-1166', 'en', 'what is the number of ocpb'],
  ['utilities', 'th', 'ไฟถนนดับหลายวันแล้ว'],
  ['utilities', 'en', 'the streetlight outside my house is out'],
  ['roads', 'th', 'ถนนชำรุดหนักมาก'],
  ['roads', 'en', 'potholes everywhere on our street'],
  ['nuisance', 'th', 'กลิ่นเหม็นจากฟาร์มไก่'],
  ['nuisance', 'en', 'noise from the neighbours every night'],
  ['out-of-scope', 'th', 'คดีอยู่ในชั้นศาลแล้ว ศูนย์ช่วยได้ไหม'],
  ['out-of-scope', 'en', 'the court already decided my case'],
  ['legal-aid', 'th', 'ขอคำปรึกษากฎหมายฟรี'],
  ['legal-aid', 'en', 'where do i find a free lawyer'],
  ['emergency', 'th', 'เกิดอุบัติเหตุมีคนเจ็บ ต้องการรถพยาบาล'],
  ['emergency', 'en', 'fire emergency'],
  ['pm-1111', 'th', 'สายด่วน 1111 ร้องเรียนอะไรได้บ้าง'],
  ['pm-1111', 'en', 'tell me about the 1111 hotline'],
  ['dopa-1548', 'th', 'บัตรประชาชนหายต้องติดต่อที่ไหน'],
  ['dopa-1548', 'en', 'how do i get a new id card'],
  ['live-officer', 'th', 'ต่อสายเจ้าหน้าที่ได้ไหม'],
  ['live-officer', 'en', 'i want to speak with someone'],
  ['on-behalf', 'th', 'ร้องเรียนแทนพ่อได้ไหมครับ'],
  ['on-behalf', 'en', 'can i report for my father'],
];
